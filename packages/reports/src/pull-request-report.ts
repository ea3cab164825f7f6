import {
  formatInstant,
  nanosToUsd,
  type EventFilter,
  type Provider,
  type ReportSource,
  type RouteTotal,
} from '@finops/store';
import { resolveEventFilter } from './event-filter.js';
import { roundRatio } from './format.js';
import { resolveProvider } from './provider-lookup.js';
import { resolvePullRequestRange, type InstantRange } from './pull-request-range.js';
import type { ReportParams } from './report-params.js';
import { compareByCost, groupRouteTotals } from './route-totals.js';
import { classifyChange, type ReportStatus } from './status.js';
import { writePullRequestSummary } from './summary-text.js';

/** One pull-request report (one provider route), fields in the order of SPEC §5.2 item 3. */
export interface PullRequestReport {
  id: string;
  provider_id: string;
  provider_name: string;
  route: string | null;
  lane: Provider['lane'];
  title: string;
  owner: string;
  merged_at: string | null;
  cost_impact_usd: number;
  cost_delta: number;
  tokens_impact: number;
  status: ReportStatus;
  summary: string;
  previous_cost_usd: number | null;
  cost_change_usd: number;
  unpriced_events: number;
}

/** Route totals of the current range and of the previous range. */
export interface PullRequestTotals {
  current: RouteTotal[];
  previous: RouteTotal[];
}

/**
 * Pull-request reports from route totals of two ranges (SPEC §5.2): one per provider route of
 * the current range, highest cost first (ties by id), the first `limit` of them.
 *
 * @example computePullRequestReports({ current: [], previous: [] }, [], params) // []
 */
export function computePullRequestReports(
  { current, previous }: PullRequestTotals,
  providers: Provider[],
  params: ReportParams,
): PullRequestReport[] {
  const previousById = groupRouteTotals(previous);
  const ranked = [...groupRouteTotals(current)]
    .map(([id, total]) => ({ id, total, cost_nanos: total.cost_nanos }))
    .sort(compareByCost)
    .slice(0, params.limit);

  return ranked.map(({ id, total }) => {
    const provider = resolveProvider(providers, total.provider_id);
    return shapePullRequestReport(id, total, previousById.get(id), provider, params);
  });
}

/**
 * Loads the pull-request reports from a source: the data span (read up to `end`) fixes the
 * ranges, then route totals of both ranges and the provider list feed the computation.
 *
 * @throws whatever the source throws (the SQLite store throws `StoreError`).
 */
export async function loadPullRequestReports(
  source: ReportSource,
  params: ReportParams,
): Promise<PullRequestReport[]> {
  const filter = await resolveEventFilter(source, params);
  const { start: _start, ...upToEnd } = filter;
  const range = resolvePullRequestRange(await source.dataSpan(upToEnd), params);
  if (range === null) return [];

  const [current, previous, providers] = await Promise.all([
    source.routeTotals(restrictFilter(upToEnd, range.current)),
    source.routeTotals(restrictFilter(upToEnd, range.previous)),
    source.listProviders(),
  ]);
  return computePullRequestReports({ current, previous }, providers, params);
}

/** The filter with its instants replaced by a range's. */
function restrictFilter(filter: EventFilter, range: InstantRange): EventFilter {
  const { end: _end, ...rest } = filter;
  return range.end === undefined ? { ...rest, start: range.start } : { ...rest, ...range };
}

function shapePullRequestReport(
  id: string,
  total: RouteTotal,
  before: RouteTotal | undefined,
  provider: Provider,
  params: ReportParams,
): PullRequestReport {
  const route = total.route ?? 'default';
  const previous = before?.cost_nanos ?? 0n;
  const change = total.cost_nanos - previous;
  const ratio = previous > 0n ? roundRatio(change, previous) : 0;
  const tokens = total.tokens_in + total.tokens_out;
  const previousTokens = before === undefined ? 0 : before.tokens_in + before.tokens_out;
  const hasRun = total.run_count > 0;
  const facts = { ratio, route, providerName: provider.name };

  return {
    id,
    provider_id: total.provider_id,
    provider_name: provider.name,
    route: total.route,
    lane: provider.lane,
    title: `${provider.name} · ${route}`,
    owner: hasRun ? readOwner(total.latest_metadata) : '—',
    merged_at: hasRun ? formatInstant(total.latest_ts) : null,
    cost_impact_usd: nanosToUsd(change > 0n ? change : 0n),
    cost_delta: ratio,
    tokens_impact: tokens - previousTokens,
    status: classifyChange(ratio, params.thresholds),
    summary: writePullRequestSummary(facts, params.locale),
    previous_cost_usd: before === undefined ? null : nanosToUsd(before.cost_nanos),
    cost_change_usd: nanosToUsd(change),
    unpriced_events: total.unpriced_events,
  };
}

/** Metadata `consumer`, else `project`, of the latest run; `—` when neither is a text. */
function readOwner(metadata: Record<string, unknown>): string {
  for (const key of ['consumer', 'project']) {
    const value = metadata[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return '—';
}
