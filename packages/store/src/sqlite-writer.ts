import type Database from 'better-sqlite3';
import { identityKey } from './identity.js';
import { usdToNanos } from './money.js';
import { priceEvent } from './pricing.js';
import type { SqlitePrices } from './sqlite-prices.js';
import { RollupAccumulator } from './sqlite-rollups.js';
import type { EventInsert, InsertOutcome } from './telemetry-store.js';

const WRITE_CACHE_KIB = 64 * 1024;

/** The write side of the SQLite store: batched, deduplicated, priced inserts. */
export class SqliteWriter {
  private readonly insertEvent: Database.Statement;
  private readonly insertProvider: Database.Statement;
  private readonly insertBatch: (events: readonly EventInsert[]) => InsertOutcome;
  private readonly rollups: RollupAccumulator;
  private writing = false;

  constructor(
    private readonly db: Database.Database,
    private readonly prices: SqlitePrices,
  ) {
    this.rollups = new RollupAccumulator(db);
    this.insertEvent = db.prepare(
      `INSERT INTO events (identity, ts, provider_id, tool, route, tokens_in, tokens_out, duration_ms,
         status, cost_reported, cost_nanos, metadata, experiment_cohort, experiment_tag, source_file,
         line_number, ingested_at, cache_read_tokens, cache_write_tokens)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (identity) DO NOTHING`,
    );
    this.insertProvider = db.prepare(
      'INSERT OR IGNORE INTO providers_seen (provider_id) VALUES (?)',
    );
    const batch = db.transaction((events: readonly EventInsert[]) => this.write(events));
    // IMMEDIATE takes the write lock at the start, so two writers queue on the busy timeout
    // instead of failing with SQLITE_BUSY when a read lock would need upgrading.
    this.insertBatch = (events) => {
      try {
        return batch.immediate(events);
      } finally {
        this.rollups.discard();
      }
    };
  }

  insert(events: readonly EventInsert[]): InsertOutcome {
    if (events.length === 0) return { inserted: 0, duplicates: 0 };
    if (!this.writing) {
      // Identity keys are hashes, so each insert touches a random page of their index: a larger
      // page cache keeps big loads from turning into random disk reads. Readers keep the default.
      this.db.pragma(`cache_size = -${WRITE_CACHE_KIB}`);
      this.writing = true;
    }
    return this.insertBatch(events);
  }

  private write(events: readonly EventInsert[]): InsertOutcome {
    const entries = this.prices.list();
    const providers = new Set<string>();
    let inserted = 0;

    for (const event of events) {
      const cost =
        event.cost_estimated_usd === null
          ? priceEvent(event, entries)
          : usdToNanos(event.cost_estimated_usd);
      const info = this.insertEvent.run(
        event.identity ?? identityKey(event),
        event.ts,
        event.provider_id,
        event.tool,
        event.route,
        event.tokens_in,
        event.tokens_out,
        event.duration_ms,
        event.status,
        event.cost_estimated_usd,
        cost,
        event.metadata,
        event.experiment_cohort,
        event.experiment_tag,
        event.source_file,
        event.line_number,
        event.ingested_at,
        event.cache_read_tokens ?? 0,
        event.cache_write_tokens ?? 0,
      );
      if (info.changes > 0) {
        inserted += 1;
        this.rollups.add(event, Number(info.lastInsertRowid), cost);
      }
      providers.add(event.provider_id);
    }
    for (const provider of providers) this.insertProvider.run(provider);
    this.rollups.flush();

    return { inserted, duplicates: events.length - inserted };
  }
}
