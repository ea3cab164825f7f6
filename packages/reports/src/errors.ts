/** Stable codes of every failure the reports package reports. */
export type ReportErrorCode =
  'REPORT_INVALID_PARAMETER' | 'REPORT_INVALID_WINDOW' | 'REPORT_INVALID_CURSOR';

/** Options of a {@link ReportError}: the offending query parameter and the original failure. */
export interface ReportErrorOptions {
  parameter?: string;
  cause?: unknown;
}

/**
 * The one error class of `@finops/reports`. `code` is stable, `parameter` names the query
 * parameter at fault (`window_days`, `start`, `cursor`…) and the original failure is kept as
 * `cause`.
 *
 * @example new ReportError('REPORT_INVALID_PARAMETER', 'limit must be…', { parameter: 'limit' })
 */
export class ReportError extends Error {
  override readonly name = 'ReportError';
  readonly code: ReportErrorCode;
  readonly parameter: string | undefined;

  constructor(code: ReportErrorCode, message: string, options: ReportErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.parameter = options.parameter;
  }
}

/** Narrows an unknown value to a {@link ReportError}. */
export function isReportError(value: unknown): value is ReportError {
  return value instanceof ReportError;
}
