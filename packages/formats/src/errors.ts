/** Stable codes of every failure the formats package reports. */
export type FormatErrorCode =
  'FORMAT_UNKNOWN' | 'FORMAT_SOURCE_UNREADABLE' | 'FORMAT_INVALID_PRICE_MAP';

/**
 * The one error class of `@finops/formats`. `code` is stable, `field` names the option or key at
 * fault when there is one, and the original failure is kept as `cause`.
 *
 * @example new FormatError('FORMAT_UNKNOWN', 'unknown format "otel"', { field: 'format' })
 */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  readonly code: FormatErrorCode;
  readonly field: string | undefined;

  constructor(
    code: FormatErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}

/** Narrows an unknown value to a {@link FormatError}. */
export function isFormatError(value: unknown): value is FormatError {
  return value instanceof FormatError;
}
