import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  DailyProviderTotal,
  DailyTotal,
  DataSpan,
  EventFilter,
  PagedRows,
  RouteTotal,
  RunsCursor,
  StoredEvent,
} from './contract.js';
import { StoreError } from './errors.js';
import { SqlitePrices } from './sqlite-prices.js';
import { SqliteQueries } from './sqlite-queries.js';
import { SqliteRollupQueries } from './sqlite-rollup-queries.js';
import { ReportTotals } from './report-totals.js';
import { SqliteWriter } from './sqlite-writer.js';
import type {
  EventInsert,
  InsertOutcome,
  ReportSnapshot,
  TelemetryStore,
} from './telemetry-store.js';
import type { PriceEntry, PriceEntryInput } from './price-entry.js';
import {
  createProviderDirectory,
  type Lane,
  type Provider,
  type ProviderDirectory,
} from './providers.js';
import { migrate } from './schema.js';

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Providers manifest (`{"providers": [...]}`); the built-in one by default. */
  providers?: unknown;
  /** How long a write waits for another process's lock, in ms (default 30,000). */
  busyTimeoutMs?: number;
}

/**
 * Events per page of `iterateEvents`. Small pages keep few rows alive at once: an export's
 * rows then die young, in V8's cheap young-generation collections, instead of filling the old
 * generation (1,000-row pages cost a 1M-row CSV export about 50 MB more peak memory).
 */
const PAGE_SIZE = 100;

/**
 * Opens (creating when needed) a SQLite telemetry store at `path`, or in memory for `':memory:'`.
 * The file is put in WAL mode with a busy timeout and migrated to the current schema.
 *
 * @throws StoreError `STORE_OPEN_FAILED`, `STORE_MIGRATION_FAILED`, `STORE_INVALID_MANIFEST`.
 * @example const store = openStore(':memory:');
 */
export function openStore(path: string, options: OpenStoreOptions = {}): TelemetryStore {
  const providers = createProviderDirectory(options.providers);
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: options.busyTimeoutMs ?? 30_000 });
    enableWal(db);
    db.pragma('synchronous = NORMAL');
  } catch (cause) {
    db?.close();
    const reason = (cause as Error).message;
    throw new StoreError('STORE_OPEN_FAILED', `cannot open the database at ${path}: ${reason}`, {
      field: 'db',
      cause,
    });
  }
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore(db, providers);
}

/**
 * Switches a file to WAL. Changing the journal mode needs a moment of exclusive access and SQLite
 * answers SQLITE_BUSY at once, without the busy handler, while another process is opening the
 * same new file — so the switch is retried for a while before giving up.
 */
function enableWal(db: Database.Database): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 1; ; attempt += 1) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code?.startsWith('SQLITE_BUSY') === true;
      if (!busy || attempt >= 200) throw error;
      Atomics.wait(pause, 0, 0, 25);
    }
  }
}

/** A read-only connection to the store's file, inside a read transaction that starts now. */
function openSnapshot(db: Database.Database): Database.Database {
  const snapshot = new Database(db.name, { readonly: true, fileMustExist: true, timeout: 30_000 });
  snapshot.exec('BEGIN');
  // A read now fixes the snapshot at this moment rather than at the first query.
  snapshot.prepare('SELECT count(*) FROM sqlite_schema').get();
  return snapshot;
}

class SqliteStore implements TelemetryStore {
  private readonly queries: SqliteQueries;
  private readonly totals: ReportTotals;
  private readonly prices: SqlitePrices;
  private readonly writer: SqliteWriter;

  constructor(
    private readonly db: Database.Database,
    private readonly providers: ProviderDirectory,
    /** `snapshot`: this connection is a read transaction; `shared`: another store owns it. */
    private readonly role: 'owner' | 'snapshot' | 'shared' = 'owner',
  ) {
    this.queries = new SqliteQueries(db);
    this.totals = new ReportTotals(this.queries, new SqliteRollupQueries(db));
    this.prices = new SqlitePrices(db);
    this.writer = new SqliteWriter(db, this.prices);
  }

  async listProviders(): Promise<Provider[]> {
    const listed = this.providers.listed.map((provider) => provider.id);
    const ids = new Set([...listed, ...this.guard(() => this.queries.seenProviders())]);
    return [...ids].sort().map((id) => this.providers.resolve(id));
  }

  async providersInLane(lane: Lane): Promise<string[]> {
    const providers = await this.listProviders();
    return providers.filter((provider) => provider.lane === lane).map((provider) => provider.id);
  }

  async resolveProvider(providerId: string): Promise<Provider> {
    return this.providers.resolve(providerId);
  }

  async dataSpan(filter: EventFilter): Promise<DataSpan | null> {
    return this.guard(() => this.totals.dataSpan(filter));
  }

  async dailyTotals(filter: EventFilter): Promise<DailyTotal[]> {
    return this.guard(() => this.totals.dailyTotals(filter));
  }

  async dailyProviderTotals(filter: EventFilter): Promise<DailyProviderTotal[]> {
    return this.guard(() => this.totals.dailyProviderTotals(filter));
  }

  async routeTotals(filter: EventFilter): Promise<RouteTotal[]> {
    return this.guard(() => this.totals.routeTotals(filter));
  }

  iterateEvents(filter: EventFilter): PagedRows<StoredEvent> {
    const pages = () => this.eventPages(filter);
    return {
      pages,
      async *[Symbol.asyncIterator]() {
        for await (const page of pages()) yield* page;
      },
    };
  }

  /**
   * Pages by sort key, so a slow consumer (an HTTP download) holds no cursor open on the store's
   * connection. A file store reads them on a connection of their own inside one read transaction:
   * the whole iteration sees one snapshot, so events another process commits meanwhile are all
   * in or all out.
   */
  private async *eventPages(filter: EventFilter): AsyncGenerator<StoredEvent[]> {
    // A snapshot store is one read transaction already; an in-memory one has no second connection.
    const onThisConnection = this.db.memory || this.role === 'snapshot';
    const snapshot = onThisConnection ? null : this.guard(() => openSnapshot(this.db));
    const queries = snapshot ? new SqliteQueries(snapshot) : this.queries;
    try {
      let last: StoredEvent | undefined;
      for (;;) {
        const page = this.guard(() => queries.eventsPage(filter, last, PAGE_SIZE));
        if (page.length > 0) yield page;
        if (page.length < PAGE_SIZE) return;
        last = page[page.length - 1];
      }
    } finally {
      snapshot?.close();
    }
  }

  async listRuns(filter: EventFilter, limit: number, after?: RunsCursor): Promise<StoredEvent[]> {
    return this.guard(() => this.queries.listRuns(filter, limit, after));
  }

  async revision(): Promise<string> {
    return this.guard(() => this.queries.revision());
  }

  async countEvents(filter: EventFilter): Promise<number> {
    return this.guard(() => this.totals.countEvents(filter));
  }

  async listPrices(): Promise<PriceEntry[]> {
    return this.guard(() => this.prices.list());
  }

  async addPrice(entry: PriceEntryInput): Promise<PriceEntry> {
    return this.guard(() => this.prices.add(entry));
  }

  async removePrice(id: number): Promise<boolean> {
    return this.guard(() => this.prices.remove(id));
  }

  async insertEvents(events: readonly EventInsert[]): Promise<InsertOutcome> {
    return this.guard(() => this.writer.insert(events));
  }

  async snapshot(): Promise<ReportSnapshot> {
    // An in-memory database has no second connection: its view is this connection, unclosed.
    if (this.db.memory) return new SqliteStore(this.db, this.providers, 'shared');
    const snapshot = this.guard(() => openSnapshot(this.db));
    return new SqliteStore(snapshot, this.providers, 'snapshot');
  }

  async close(): Promise<void> {
    if (this.role !== 'shared' && this.db.open) this.db.close();
  }

  /** Runs a statement; a driver failure becomes `STORE_QUERY_FAILED`, SQLite's error its cause. */
  private guard<T>(query: () => T): T {
    try {
      return query();
    } catch (cause) {
      if (cause instanceof StoreError) throw cause;
      const reason = (cause as Error).message;
      throw new StoreError('STORE_QUERY_FAILED', `database query failed: ${reason}`, { cause });
    }
  }
}
