import { nanosToUsd, type Provider, type ReportSource, type RouteTotal } from '@finops/store';
import { resolveEventFilter, type FilterParams } from './event-filter.js';
import { roundAverage, roundRatio } from './format.js';
import { resolveProvider } from './provider-lookup.js';
import { compareByCost, groupRouteTotals } from './route-totals.js';

/** Totals of one provider route, as the Pareto view lists them. */
export interface ParetoEntry {
  id: string;
  provider_id: string;
  provider_name: string;
  route: string | null;
  lane: Provider['lane'];
  run_count: number;
  tokens_in: number;
  tokens_out: number;
  cost_usd: number;
  avg_latency_ms: number;
  success_rate: number;
  unpriced_events: number;
}

/**
 * Every provider route of the filtered events, highest cost first (ties by id), with its
 * provider's name and lane; unknown providers get their id as name and lane `balanced`.
 *
 * @example computeParetoReport([], []) // []
 */
export function computeParetoReport(
  totals: readonly RouteTotal[],
  providers: readonly Provider[],
): ParetoEntry[] {
  const ranked = [...groupRouteTotals(totals)]
    .map(([id, total]) => ({ id, total, cost_nanos: total.cost_nanos }))
    .sort(compareByCost);

  return ranked.map(({ id, total }) => {
    const provider = resolveProvider(providers, total.provider_id);
    return {
      id,
      provider_id: total.provider_id,
      provider_name: provider.name,
      route: total.route,
      lane: provider.lane,
      run_count: total.run_count,
      tokens_in: total.tokens_in,
      tokens_out: total.tokens_out,
      cost_usd: nanosToUsd(total.cost_nanos),
      avg_latency_ms: roundAverage(total.latency_sum_ms, total.run_count),
      success_rate: roundRatio(BigInt(total.success_count), BigInt(total.run_count)),
      unpriced_events: total.unpriced_events,
    };
  });
}

/**
 * Loads route totals for the parameters' filter and the provider list, then ranks the routes.
 *
 * @throws whatever the source throws (the SQLite store throws `StoreError`).
 */
export async function loadParetoReport(
  source: ReportSource,
  params: FilterParams,
): Promise<ParetoEntry[]> {
  const filter = await resolveEventFilter(source, params);
  const [totals, providers] = await Promise.all([
    source.routeTotals(filter),
    source.listProviders(),
  ]);
  return computeParetoReport(totals, providers);
}
