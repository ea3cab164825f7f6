import type { Lane, Provider } from './providers.js';
import type { PriceEntry, PriceEntryInput } from './price-entry.js';

/**
 * Money inside the store and across the store contract is an exact integer count of
 * nano-dollars (1 USD = 1,000,000,000). Sums never pass through binary floating point.
 */
export type Nanos = bigint;

/** Which events a query covers. Instants are epoch milliseconds, both bounds inclusive. */
export interface EventFilter {
  start?: number;
  end?: number;
  /** Restrict to these providers; an empty array matches nothing. */
  providerIds?: readonly string[];
  /** Route text; `default` also matches events without a route. */
  route?: string;
}

/** Totals of one UTC day (`YYYY-MM-DD`) of filtered events. */
export interface DailyTotal {
  day: string;
  run_count: number;
  success_count: number;
  tokens_in: number;
  tokens_out: number;
  latency_sum_ms: number;
  /** Sum over priced events (reported or priced from the table). */
  cost_nanos: Nanos;
  unpriced_events: number;
}

/** Totals of one UTC day and provider. */
export interface DailyProviderTotal extends DailyTotal {
  provider_id: string;
}

/** Totals of one provider route, with the latest run of that route. */
export interface RouteTotal {
  provider_id: string;
  route: string | null;
  run_count: number;
  success_count: number;
  tokens_in: number;
  tokens_out: number;
  latency_sum_ms: number;
  cost_nanos: Nanos;
  unpriced_events: number;
  /** Instant (epoch ms) of the latest run; ties broken by ingestion order. */
  latest_ts: number;
  /** Parsed metadata of that latest run. */
  latest_metadata: Record<string, unknown>;
}

/** One stored event, as exports and the runs listing read it. */
export interface StoredEvent {
  /** Ingestion order; unique within a store. */
  seq: number;
  ts: number;
  provider_id: string;
  tool: string;
  route: string | null;
  tokens_in: number;
  tokens_out: number;
  duration_ms: number;
  status: string;
  /** The cost as the producer reported it, or null when it was not reported. */
  cost_estimated_usd: number | null;
  /** Reported or priced cost; null when the event is unpriced. */
  cost_nanos: Nanos | null;
  /** Canonical JSON text (sorted keys). */
  metadata: string;
  experiment_cohort: string | null;
  experiment_tag: string | null;
  source_file: string | null;
  line_number: number | null;
  ingested_at: number;
}

/** Position in the newest-first order of events, for cursor paging. */
export interface RunsCursor {
  ts: number;
  seq: number;
}

/** First and last UTC day with data among filtered events. */
export interface DataSpan {
  first: string;
  last: string;
}

/**
 * The queries reports and exports need. The SQLite store implements it; another backend
 * (PostgreSQL, say) implements the same methods and every consumer works unchanged.
 *
 * Every method rejects with StoreError `STORE_INVALID_INPUT` for a malformed filter, limit or
 * cursor (naming it in `field`) and `STORE_QUERY_FAILED` when the database fails.
 */
export interface ReportSource {
  /** Providers known to the directory or present in the data, with name and lane. */
  listProviders(): Promise<Provider[]>;
  /** Ids of providers of one lane, among those with data or in the directory. */
  providersInLane(lane: Lane): Promise<string[]>;
  /** First and last day with data, or null without events. */
  dataSpan(filter: EventFilter): Promise<DataSpan | null>;
  /** Totals per UTC day of the instant, oldest first; days without events are absent. */
  dailyTotals(filter: EventFilter): Promise<DailyTotal[]>;
  /** Totals per UTC day and provider, ordered by day then provider id. */
  dailyProviderTotals(filter: EventFilter): Promise<DailyProviderTotal[]>;
  /** Totals per provider and route (null apart from `default`), ordered by provider then route. */
  routeTotals(filter: EventFilter): Promise<RouteTotal[]>;
  /**
   * Events in export order: instant, provider, then ingestion order; read them one by one, or a
   * page at a time with `pages()`, which skips a step per row.
   */
  iterateEvents(filter: EventFilter): PagedRows<StoredEvent>;
  /** Newest first (instant, then ingestion order), strictly after `after` when given. */
  listRuns(filter: EventFilter, limit: number, after?: RunsCursor): Promise<StoredEvent[]>;
  /** How many events match. */
  countEvents(filter: EventFilter): Promise<number>;
  /**
   * A token that changes whenever the stored data may have changed (a write by this or another
   * process), so callers can cache results derived from the data.
   */
  revision(): Promise<string>;
}

/**
 * Price-table operations (SPEC §3). Each rejects with StoreError `STORE_QUERY_FAILED` when the
 * database fails.
 */
export interface PriceBook {
  /** Every entry, oldest id first. */
  listPrices(): Promise<PriceEntry[]>;
  /**
   * Adds an entry and re-prices the stored events of its provider that have no reported cost.
   * Rejects with `STORE_INVALID_PRICE` naming the bad field.
   */
  addPrice(entry: PriceEntryInput): Promise<PriceEntry>;
  /**
   * Removes an entry by id and re-prices as {@link addPrice}; false when there was none.
   * Rejects with `STORE_INVALID_PRICE` (field `id`) for an id that is not a positive whole number.
   */
  removePrice(id: number): Promise<boolean>;
}

/** Rows that can be read one at a time or a page (an array of rows in order) at a time. */
export interface PagedRows<T> extends AsyncIterable<T> {
  /** The same rows as the iteration, in arrays; each call reads them afresh. */
  pages(): AsyncIterable<T[]>;
}
