import type {
  DailyProviderTotal,
  DailyTotal,
  DataSpan,
  EventFilter,
  RouteTotal,
} from './contract.js';
import { splitByDay } from './day-split.js';
import { formatDay } from './instant.js';
import { filterCondition } from './sql-filter.js';
import type { SqliteQueries } from './sqlite-queries.js';
import type { RollupRow, SqliteRollupQueries } from './sqlite-rollup-queries.js';

const DAY = 86_400_000;

type Totals = Omit<DailyTotal, 'day'>;

/**
 * The report queries, answered from daily rollups for whole UTC days and from `events` only for
 * the partial days at the edges of [start, end]: the cost grows with days × routes, not events.
 */
export class ReportTotals {
  constructor(
    private readonly queries: SqliteQueries,
    private readonly rollups: SqliteRollupQueries,
  ) {}

  dailyTotals(filter: EventFilter): DailyTotal[] {
    const { whole, partial } = this.split(filter);
    const days = whole ? this.rollups.rollupTotals(filter, whole.first, whole.last, false) : [];
    const fromRollups = days.map(({ provider_id: _, ...total }) => ({
      ...total,
      day: formatDay(total.day * DAY),
    }));
    return [...fromRollups, ...partial.flatMap((part) => this.queries.dailyTotals(part))].sort(
      byKey((t) => t.day),
    );
  }

  dailyProviderTotals(filter: EventFilter): DailyProviderTotal[] {
    const { whole, partial } = this.split(filter);
    const days = whole ? this.rollups.rollupTotals(filter, whole.first, whole.last, true) : [];
    const fromRollups = days.map((total) => ({ ...total, day: formatDay(total.day * DAY) }));
    const edges = partial.flatMap((part) => this.queries.dailyProviderTotals(part));
    return [...fromRollups, ...edges].sort(byKey((t) => `${t.day}\u0000${t.provider_id}`));
  }

  routeTotals(filter: EventFilter): RouteTotal[] {
    const { rows, partial } = this.read(filter);
    const latest = new Map<string, { ts: number; seq: number }>();
    const keyOf = (t: { provider_id: string; route: string | null }) =>
      `${t.provider_id}\u0000${t.route ?? ''}`;
    const note = (key: string, ts: number, seq: number) => {
      const seen = latest.get(key);
      if (!seen || ts > seen.ts || (ts === seen.ts && seq > seen.seq)) latest.set(key, { ts, seq });
    };

    for (const row of rows) note(keyOf(row), row.latest_ts, row.latest_seq);
    const edges = partial.flatMap((part) => this.queries.routeTotals(part));
    for (const edge of edges) note(keyOf(edge), edge.latest_ts, edge.latest_seq);

    const totals = group([...rows, ...edges], keyOf, (t) => ({
      provider_id: t.provider_id,
      route: t.route,
    }));
    const metadata = this.queries.metadataOf([...latest.values()].map((l) => l.seq));
    return totals
      .map((total) => {
        const last = latest.get(keyOf(total)) ?? { ts: 0, seq: 0 };
        return { ...total, latest_ts: last.ts, latest_metadata: metadata.get(last.seq) ?? {} };
      })
      .sort(byKey(keyOf));
  }

  dataSpan(filter: EventFilter): DataSpan | null {
    const { whole, partial } = this.split(filter);
    const span = whole ? this.rollups.rollupSpan(filter, whole.first, whole.last) : null;
    const days = span ? [formatDay(span.first * DAY), formatDay(span.last * DAY)] : [];
    for (const part of partial) {
      const span = this.queries.dataSpan(part);
      if (span) days.push(span.first, span.last);
    }
    if (days.length === 0) return null;
    days.sort();
    return { first: days[0] as string, last: days[days.length - 1] as string };
  }

  countEvents(filter: EventFilter): number {
    const { whole: days, partial } = this.split(filter);
    const whole = days ? (this.rollups.rollupSpan(filter, days.first, days.last)?.count ?? 0) : 0;
    return whole + partial.reduce((sum, part) => sum + this.queries.countEvents(part), 0);
  }

  private read(filter: EventFilter): { rows: RollupRow[]; partial: EventFilter[] } {
    const { whole, partial } = this.split(filter);
    const rows = whole ? this.rollups.rollupRows(filter, whole.first, whole.last) : [];
    return { rows, partial };
  }

  private split(filter: EventFilter) {
    filterCondition(filter); // validates the bounds and provider list up front
    const split = splitByDay(filter);
    return { whole: split.wholeDays, partial: split.partial };
  }
}

/** Sums totals that share a key; `identity` gives the key fields of the first of each group. */
function group<T extends Totals, K extends object>(
  items: readonly T[],
  key: (item: T) => string,
  identity: (item: T) => K,
): (K & Totals)[] {
  const groups = new Map<string, K & Totals>();
  for (const item of items) {
    const k = key(item);
    const sum = groups.get(k);
    if (!sum) {
      groups.set(k, { ...identity(item), ...pickTotals(item) });
      continue;
    }
    sum.run_count += item.run_count;
    sum.success_count += item.success_count;
    sum.tokens_in += item.tokens_in;
    sum.tokens_out += item.tokens_out;
    sum.latency_sum_ms += item.latency_sum_ms;
    sum.cost_nanos += item.cost_nanos;
    sum.unpriced_events += item.unpriced_events;
  }
  return [...groups.values()];
}

function pickTotals(item: Totals): Totals {
  const {
    run_count,
    success_count,
    tokens_in,
    tokens_out,
    latency_sum_ms,
    cost_nanos,
    unpriced_events,
  } = item;
  return {
    run_count,
    success_count,
    tokens_in,
    tokens_out,
    latency_sum_ms,
    cost_nanos,
    unpriced_events,
  };
}

function byKey<T>(key: (item: T) => string) {
  return (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}
