import { z } from 'zod';
import { filterQueryShape, readFilterParams, type FilterParams } from './event-filter.js';
import { choiceField, decimalField, integerField, toReportError } from './query-fields.js';

/** Languages of report summaries. */
export const locales = ['pt-BR', 'en'] as const;

/** A summary language: `pt-BR` (the default) or `en`. */
export type Locale = (typeof locales)[number];

/** Change ratios at which a report turns `attention` and then `regression`. */
export interface Thresholds {
  attention: number;
  regression: number;
}

/** The thresholds of the spec: up to 3% is on track, up to 8% needs attention. */
export const defaultThresholds: Readonly<Thresholds> = Object.freeze({
  attention: 0.03,
  regression: 0.08,
});

/** Parameters of the sprint, pull-request and aggregate reports, checked and typed. */
export interface ReportParams extends FilterParams {
  windowDays: number;
  limit: number;
  locale: Locale;
  thresholds: Thresholds;
}

/**
 * Schema of a report query as text (an HTTP query string, CLI flags). Its output is
 * {@link ReportParams}; `window_days` 1–90 (default 7), `limit` 1–12 (default 4), `locale`
 * `pt-BR` (default) or `en`, optional `attention_threshold` ≤ `regression_threshold`.
 */
export const reportQuerySchema = z
  .object({
    ...filterQueryShape,
    window_days: integerField(1, 90, 7),
    limit: integerField(1, 12, 4),
    locale: choiceField(locales, 'pt-BR'),
    attention_threshold: decimalField(),
    regression_threshold: decimalField(),
  })
  .transform((values, ctx): ReportParams => {
    const filter = readFilterParams(values, ctx);
    const thresholds = {
      attention: values.attention_threshold ?? defaultThresholds.attention,
      regression: values.regression_threshold ?? defaultThresholds.regression,
    };
    if (thresholds.attention > thresholds.regression) {
      const parameter =
        values.attention_threshold === undefined ? 'regression_threshold' : 'attention_threshold';
      const expected = `expected attention_threshold ${thresholds.attention}`;
      const bound = `to be at most regression_threshold ${thresholds.regression}`;
      ctx.addIssue({ code: 'custom', path: [parameter], message: `${expected} ${bound}` });
    }

    return {
      ...filter,
      windowDays: values.window_days,
      limit: values.limit,
      locale: values.locale ?? 'pt-BR',
      thresholds,
    };
  });

/**
 * Reads a report query given as text; unknown keys are ignored.
 *
 * @throws ReportError `REPORT_INVALID_PARAMETER` naming the parameter whose value is not
 * accepted (`window_days=7.5`, `lane=fast`, `start=2025-02-30T00:00:00Z`…);
 * `REPORT_INVALID_WINDOW` naming `start` when `start` is after `end`.
 * @example parseReportQuery({ window_days: '14' }).windowDays // 14
 */
export function parseReportQuery(query: Record<string, string | undefined>): ReportParams {
  const parsed = reportQuerySchema.safeParse(query);
  if (parsed.success) return parsed.data;
  throw toReportError(parsed.error);
}
