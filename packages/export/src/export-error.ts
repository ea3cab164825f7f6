/** Stable codes of every failure `@finops/export` reports. */
export type ExportErrorCode =
  | 'EXPORT_UNKNOWN_FORMAT'
  | 'EXPORT_INVALID_DAY'
  | 'EXPORT_INVALID_FILTER'
  | 'EXPORT_INVALID_ROW'
  | 'EXPORT_WRITE_FAILED'
  | 'EXPORT_EVIDENCE_INVALID';

/** Options of an {@link ExportError}: the offending parameter and the original failure. */
export interface ExportErrorOptions {
  parameter?: string;
  cause?: unknown;
}

/**
 * The one error class of `@finops/export`. `code` is stable; `parameter` names the argument at
 * fault when there is one (`format`, `day`, `start`, `end`); the original failure is `cause`.
 *
 * @example
 * new ExportError('EXPORT_UNKNOWN_FORMAT', 'unknown export format', { parameter: 'format' });
 */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  readonly code: ExportErrorCode;
  readonly parameter: string | undefined;

  constructor(code: ExportErrorCode, message: string, options: ExportErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.parameter = options.parameter;
  }
}

/** Narrows an unknown value to an {@link ExportError}; throws nothing. */
export function isExportError(value: unknown): value is ExportError {
  return value instanceof ExportError;
}

/** Quotes received text for an error message, cut short so a huge input stays readable. */
export function quoteReceived(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const cut = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return typeof value === 'string' ? JSON.stringify(cut) : cut;
}
