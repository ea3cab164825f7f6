import {
  formatInstant,
  nanosToUsd,
  type Provider,
  type ReportSource,
  type StoredEvent,
} from '@finops/store';
import { resolveEventFilter } from './event-filter.js';
import { resolveProvider } from './provider-lookup.js';
import { encodeRunsCursor } from './runs-cursor.js';
import type { RunsParams } from './runs-params.js';

/** One stored event as the runs listing shows it. */
export interface RunRecord {
  /** The store's ingestion sequence number. */
  id: number;
  provider_id: string;
  provider_name: string;
  route: string | null;
  lane: Provider['lane'];
  ts: string;
  tokens_in: number;
  tokens_out: number;
  duration_ms: number;
  status: string;
  /** Reported or priced cost; null when the event is unpriced. */
  cost_usd: number | null;
  metadata: Record<string, unknown>;
  experiment_cohort: string | null;
  experiment_tag: string | null;
}

/** One page of runs, newest first; `next_cursor` is null on the last page. */
export interface RunsPage {
  items: RunRecord[];
  next_cursor: string | null;
}

/**
 * Shapes a page from up to `limit + 1` events in newest-first order: the first `limit` become
 * the items, and the extra one, when present, proves a next page exists.
 *
 * @example computeRunsPage([], [], 20) // { items: [], next_cursor: null }
 */
export function computeRunsPage(
  events: readonly StoredEvent[],
  providers: readonly Provider[],
  limit: number,
): RunsPage {
  const page = events.slice(0, limit);
  const last = page[page.length - 1];
  const more = events.length > limit && last !== undefined;

  return {
    items: page.map((event) => shapeRunRecord(event, providers)),
    next_cursor: more ? encodeRunsCursor({ ts: last.ts, seq: last.seq }) : null,
  };
}

/**
 * Loads one page of runs for the parameters' filter, after the parameters' cursor.
 *
 * @throws whatever the source throws (the SQLite store throws `StoreError`).
 */
export async function loadRunsPage(source: ReportSource, params: RunsParams): Promise<RunsPage> {
  const filter = await resolveEventFilter(source, params);
  const [events, providers] = await Promise.all([
    source.listRuns(filter, params.limit + 1, params.cursor),
    source.listProviders(),
  ]);
  return computeRunsPage(events, providers, params.limit);
}

function shapeRunRecord(event: StoredEvent, providers: readonly Provider[]): RunRecord {
  const provider = resolveProvider(providers, event.provider_id);
  return {
    id: event.seq,
    provider_id: event.provider_id,
    provider_name: provider.name,
    route: event.route,
    lane: provider.lane,
    ts: formatInstant(event.ts),
    tokens_in: event.tokens_in,
    tokens_out: event.tokens_out,
    duration_ms: event.duration_ms,
    status: event.status,
    cost_usd: event.cost_nanos === null ? null : nanosToUsd(event.cost_nanos),
    metadata: JSON.parse(event.metadata) as Record<string, unknown>,
    experiment_cohort: event.experiment_cohort,
    experiment_tag: event.experiment_tag,
  };
}
