import type { PriceBook, ReportSource } from './contract.js';
import type { NormalizedEvent } from './event-record.js';
import type { Provider } from './providers.js';

/** A normalized event with where it came from, ready to store. */
export interface EventInsert extends NormalizedEvent {
  source_file: string | null;
  line_number: number | null;
  ingested_at: number;
  /**
   * The event's {@link identityKey}, when the caller computed it already (ingestion does so off
   * the writing thread); stores compute it when absent.
   */
  identity?: Uint8Array;
}

/** How many events of a batch were new and how many were already stored. */
export interface InsertOutcome {
  inserted: number;
  duplicates: number;
}

/**
 * Everything a telemetry store offers: report queries, the price book and event writes. A second
 * backend implements this interface; reports, exports and the apps depend on nothing else.
 */
export interface TelemetryStore extends ReportSource, PriceBook {
  /** Name and lane of a provider id (unknown ids: the id as name, lane `balanced`). */
  resolveProvider(providerId: string): Promise<Provider>;
  /**
   * Stores a batch in one write transaction taken up front; events whose identity is already
   * stored are counted as duplicates. Missing costs are priced from the price book. Rejects with
   * StoreError `STORE_QUERY_FAILED` when the database fails (the batch is then not stored).
   */
  insertEvents(events: readonly EventInsert[]): Promise<InsertOutcome>;
  /**
   * The data as it is now, for work that reads many times and must see one state (an evidence
   * bundle): writes committed after this call are not seen through it. Close it when done.
   */
  snapshot(): Promise<ReportSnapshot>;
  /** Releases the connection; idempotent. */
  close(): Promise<void>;
}

/** A read-only view of a store at one moment; {@link TelemetryStore.snapshot}. */
export interface ReportSnapshot extends ReportSource {
  /** Ends the view; idempotent. */
  close(): Promise<void>;
}
