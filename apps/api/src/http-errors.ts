import { isExportError } from '@finops/export';
import { isReportError } from '@finops/reports';
import { isStoreError } from '@finops/store';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

/** Schema of the JSON error body every failing route answers. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().meta({ example: 'REPORT_INVALID_PARAMETER' }),
    message: z.string(),
    parameter: z.string().nullable().meta({ description: 'the query parameter or field at fault' }),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** An error raised by the API itself (authorization, body size, unknown route). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly parameter: string | null = null,
  ) {
    super(message);
  }
}

export type ApiErrorCode =
  | 'API_UNAUTHORIZED'
  | 'API_NOT_FOUND'
  | 'API_BODY_TOO_LARGE'
  | 'API_INVALID_BODY'
  | 'API_INVALID_PARAMETER'
  | 'API_INTERNAL';

/** Every error code the API can answer, and its HTTP status: the one table of the mapping. */
export const errorStatuses: Record<string, ContentfulStatusCode> = {
  API_UNAUTHORIZED: 401,
  API_NOT_FOUND: 404,
  API_BODY_TOO_LARGE: 413,
  API_INVALID_BODY: 400,
  API_INVALID_PARAMETER: 400,
  API_INTERNAL: 500,
  REPORT_INVALID_PARAMETER: 400,
  REPORT_INVALID_WINDOW: 400,
  REPORT_INVALID_CURSOR: 400,
  EXPORT_UNKNOWN_FORMAT: 400,
  EXPORT_INVALID_DAY: 400,
  EXPORT_EVIDENCE_INVALID: 400,
  EXPORT_INVALID_FILTER: 400,
  EXPORT_INVALID_ROW: 500,
  EXPORT_WRITE_FAILED: 500,
  STORE_INVALID_INPUT: 400,
  STORE_INVALID_PRICE: 400,
  STORE_INVALID_MANIFEST: 400,
  STORE_PRICE_NOT_FOUND: 404,
  STORE_SOURCE_UNREADABLE: 400,
  STORE_QUERY_FAILED: 503,
  STORE_OPEN_FAILED: 503,
  STORE_MIGRATION_FAILED: 503,
};

/** Maps any thrown value to a status and an error body; unknown failures become a 500. */
export function toErrorResponse(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  const known = describe(error);
  const status = errorStatuses[known.code] ?? 500;
  return { status, body: { error: known } };
}

function describe(error: unknown): ErrorBody['error'] {
  if (error instanceof ApiError)
    return { code: error.code, message: error.message, parameter: error.parameter };
  if (isReportError(error) || isExportError(error)) {
    return { code: error.code, message: error.message, parameter: error.parameter ?? null };
  }
  if (isStoreError(error))
    return { code: error.code, message: error.message, parameter: error.field ?? null };
  return { code: 'API_INTERNAL', message: 'internal error', parameter: null };
}
