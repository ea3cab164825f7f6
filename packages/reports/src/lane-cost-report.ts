import {
  lanes,
  nanosToUsd,
  type Lane,
  type Provider,
  type ReportSource,
  type RouteTotal,
} from '@finops/store';
import { resolveEventFilter, type FilterParams } from './event-filter.js';
import { roundAverage } from './format.js';
import { resolveProvider } from './provider-lookup.js';
import { addTotals, createEmptyTotals, type Totals } from './totals.js';

/** Totals of one lane. */
export interface LaneCost {
  lane: Lane;
  run_count: number;
  total_cost_usd: number;
  total_tokens_in: number;
  total_tokens_out: number;
  avg_latency_ms: number;
  unpriced_events: number;
}

/**
 * Totals per lane of the filtered events, in lane order (economy, balanced, turbo); a lane
 * without runs is left out. A provider's lane comes from `providers` (unknown → `balanced`).
 *
 * @example computeLaneCostReport([], []) // []
 */
export function computeLaneCostReport(
  totals: readonly RouteTotal[],
  providers: readonly Provider[],
): LaneCost[] {
  const byLane = new Map<Lane, Totals>();
  for (const total of totals) {
    const lane = resolveProvider(providers, total.provider_id).lane;
    byLane.set(lane, addTotals(byLane.get(lane) ?? createEmptyTotals(), total));
  }

  return lanes.flatMap((lane) => {
    const sum = byLane.get(lane);
    if (sum === undefined || sum.run_count === 0) return [];
    return [
      {
        lane,
        run_count: sum.run_count,
        total_cost_usd: nanosToUsd(sum.cost_nanos),
        total_tokens_in: sum.tokens_in,
        total_tokens_out: sum.tokens_out,
        avg_latency_ms: roundAverage(sum.latency_sum_ms, sum.run_count),
        unpriced_events: sum.unpriced_events,
      },
    ];
  });
}

/**
 * Loads route totals for the parameters' filter and the provider list, then sums per lane.
 *
 * @throws whatever the source throws (the SQLite store throws `StoreError`).
 */
export async function loadLaneCostReport(
  source: ReportSource,
  params: FilterParams,
): Promise<LaneCost[]> {
  const filter = await resolveEventFilter(source, params);
  const [totals, providers] = await Promise.all([
    source.routeTotals(filter),
    source.listProviders(),
  ]);
  return computeLaneCostReport(totals, providers);
}
