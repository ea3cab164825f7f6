import type { RunsCursor } from '@finops/store';
import { z } from 'zod';
import { filterQueryShape, readFilterParams, type FilterParams } from './event-filter.js';
import { integerField, quote, toReportError } from './query-fields.js';
import { readRunsCursor } from './runs-cursor.js';

/** Parameters of the runs listing: the filter, a page size and where the page starts. */
export interface RunsParams extends FilterParams {
  limit: number;
  cursor?: RunsCursor;
}

const cursorField = z
  .string()
  .meta({ description: 'next_cursor of the previous page' })
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return undefined;

    const cursor = readRunsCursor(text);
    if (cursor !== null) return cursor;
    ctx.addIssue({
      code: 'custom',
      message: `expected a next_cursor value of a runs page, received ${quote(text)}`,
      params: { code: 'REPORT_INVALID_CURSOR' },
    });
    return z.NEVER;
  });

/**
 * Schema of a runs query as text. Its output is {@link RunsParams}: the report filter, `limit`
 * 1–100 (default 20) and an optional `cursor` from a previous page.
 */
export const runsQuerySchema = z
  .object({
    ...filterQueryShape,
    limit: integerField(1, 100, 20),
    cursor: cursorField,
  })
  .transform((values, ctx): RunsParams => {
    const params: RunsParams = { ...readFilterParams(values, ctx), limit: values.limit };
    if (values.cursor !== undefined) params.cursor = values.cursor;
    return params;
  });

/**
 * Reads a runs query given as text; unknown keys are ignored.
 *
 * @throws ReportError `REPORT_INVALID_PARAMETER` naming the parameter not accepted;
 * `REPORT_INVALID_WINDOW` naming `start` when it is after `end`; `REPORT_INVALID_CURSOR`
 * naming `cursor` when the cursor is not one a runs page handed out.
 * @example parseRunsQuery({ limit: '50' }).limit // 50
 */
export function parseRunsQuery(query: Record<string, string | undefined>): RunsParams {
  const parsed = runsQuerySchema.safeParse(query);
  if (parsed.success) return parsed.data;
  throw toReportError(parsed.error);
}
