import { nanosToUsd, type DailyProviderTotal, type ReportSource } from '@finops/store';
import { resolveEventFilter, type FilterParams } from './event-filter.js';
import { roundAverage } from './format.js';

/** Totals of one UTC day and provider. */
export interface TimeseriesPoint {
  day: string;
  provider_id: string;
  run_count: number;
  tokens_in: number;
  tokens_out: number;
  cost_usd: number;
  avg_latency_ms: number;
  success_count: number;
  unpriced_events: number;
}

/**
 * One point per UTC day and provider, ordered by day then provider id; average latency has
 * 3 decimals, cost 6.
 *
 * @example computeTimeseriesReport([]) // []
 */
export function computeTimeseriesReport(totals: readonly DailyProviderTotal[]): TimeseriesPoint[] {
  return [...totals].sort(compareDayThenProvider).map((total) => ({
    day: total.day,
    provider_id: total.provider_id,
    run_count: total.run_count,
    tokens_in: total.tokens_in,
    tokens_out: total.tokens_out,
    cost_usd: nanosToUsd(total.cost_nanos),
    avg_latency_ms: roundAverage(total.latency_sum_ms, total.run_count),
    success_count: total.success_count,
    unpriced_events: total.unpriced_events,
  }));
}

/**
 * Loads daily per-provider totals for the parameters' filter and shapes the timeseries.
 *
 * @throws whatever the source throws (the SQLite store throws `StoreError`).
 */
export async function loadTimeseriesReport(
  source: ReportSource,
  params: FilterParams,
): Promise<TimeseriesPoint[]> {
  const filter = await resolveEventFilter(source, params);
  return computeTimeseriesReport(await source.dailyProviderTotals(filter));
}

function compareDayThenProvider(left: DailyProviderTotal, right: DailyProviderTotal): number {
  if (left.day !== right.day) return left.day < right.day ? -1 : 1;
  if (left.provider_id === right.provider_id) return 0;
  return left.provider_id < right.provider_id ? -1 : 1;
}
