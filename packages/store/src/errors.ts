/** Stable codes of every failure the store reports. */
export type StoreErrorCode =
  | 'STORE_OPEN_FAILED'
  | 'STORE_MIGRATION_FAILED'
  | 'STORE_INVALID_INPUT'
  | 'STORE_INVALID_PRICE'
  | 'STORE_INVALID_MANIFEST'
  | 'STORE_PRICE_NOT_FOUND'
  | 'STORE_SOURCE_UNREADABLE'
  | 'STORE_QUERY_FAILED';

/**
 * The one error class of `@finops/store`. `code` is stable; `field` names the offending field or
 * parameter when there is one; the original failure is kept as `cause`.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  readonly field: string | undefined;

  constructor(
    code: StoreErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}

/** Narrows an unknown value to a {@link StoreError}. */
export function isStoreError(value: unknown): value is StoreError {
  return value instanceof StoreError;
}
