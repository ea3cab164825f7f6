import type { ReportParams } from '@finops/reports';
import { formatInstant } from '@finops/store';

/** The report query of a bundle as text, every default spelled out so it can be regenerated. */
export function describeParameters(params: ReportParams): Record<string, string> {
  const entries: [string, string | undefined][] = [
    ['start', params.start === undefined ? undefined : formatInstant(params.start)],
    ['end', params.end === undefined ? undefined : formatInstant(params.end)],
    ['provider_id', params.providerId],
    ['lane', params.lane],
    ['route', params.route],
    ['window_days', String(params.windowDays)],
    ['limit', String(params.limit)],
    ['locale', params.locale],
    ['attention_threshold', String(params.thresholds.attention)],
    ['regression_threshold', String(params.thresholds.regression)],
  ];
  return Object.fromEntries(
    entries.filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
