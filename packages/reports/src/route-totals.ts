import type { RouteTotal } from '@finops/store';
import { addTotals } from './totals.js';

/**
 * The id of a provider route: `<provider_id>:<route or "default">`.
 *
 * @example formatRouteId('glm46', null) // 'glm46:default'
 */
export function formatRouteId(providerId: string, route: string | null): string {
  return `${providerId}:${route ?? 'default'}`;
}

/**
 * Route totals keyed by route id. Events without a route and events on the route `default`
 * share the id `<provider>:default`, so their totals are merged here: counts add up, the later
 * latest run wins (the first one on a tie) and the route text is kept rather than null.
 */
export function groupRouteTotals(totals: readonly RouteTotal[]): Map<string, RouteTotal> {
  const byId = new Map<string, RouteTotal>();
  for (const total of totals) {
    const id = formatRouteId(total.provider_id, total.route);
    const seen = byId.get(id);
    byId.set(id, seen === undefined ? total : mergeRouteTotals(seen, total));
  }
  return byId;
}

function mergeRouteTotals(seen: RouteTotal, next: RouteTotal): RouteTotal {
  const latest = next.latest_ts > seen.latest_ts ? next : seen;
  return {
    ...addTotals(seen, next),
    provider_id: seen.provider_id,
    route: seen.route ?? next.route,
    latest_ts: latest.latest_ts,
    latest_metadata: latest.latest_metadata,
  };
}

/**
 * Orders route entries by cost, highest first, then by id so equal costs always list alike.
 */
export function compareByCost(
  left: { id: string; cost_nanos: bigint },
  right: { id: string; cost_nanos: bigint },
): number {
  if (left.cost_nanos !== right.cost_nanos) return left.cost_nanos > right.cost_nanos ? -1 : 1;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}
