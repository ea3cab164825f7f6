import type Database from 'better-sqlite3';
import { StoreError } from './errors.js';
import { rebuildRollups, rollupSchema } from './sqlite-rollups.js';

/** Version 1: events, providers seen and prices. */
const baseSchema = [
  `CREATE TABLE events (
     seq INTEGER PRIMARY KEY,
     identity BLOB NOT NULL,
     ts INTEGER NOT NULL,
     provider_id TEXT NOT NULL,
     tool TEXT NOT NULL,
     route TEXT,
     tokens_in INTEGER NOT NULL,
     tokens_out INTEGER NOT NULL,
     duration_ms INTEGER NOT NULL,
     status TEXT NOT NULL,
     cost_reported REAL,
     cost_nanos INTEGER,
     metadata TEXT NOT NULL,
     experiment_cohort TEXT,
     experiment_tag TEXT,
     source_file TEXT,
     line_number INTEGER,
     ingested_at INTEGER NOT NULL
   );
   CREATE UNIQUE INDEX events_identity ON events (identity);
   CREATE INDEX events_order ON events (ts, provider_id, seq);
   CREATE INDEX events_unreported ON events (provider_id) WHERE cost_reported IS NULL;
   CREATE TABLE providers_seen (provider_id TEXT PRIMARY KEY) WITHOUT ROWID;
   CREATE TABLE prices (
     id INTEGER PRIMARY KEY,
     provider_id TEXT NOT NULL,
     model TEXT,
     input_cost_per_1k REAL,
     output_cost_per_1k REAL,
     effective_at INTEGER
   );`,
].join('\n');

/** Ordered migrations; the index + 1 is the schema version kept in `PRAGMA user_version`. */
const migrations: readonly ((db: Database.Database) => void)[] = [
  (db) => db.exec(baseSchema),
  // 2: daily rollups, filled from the events already stored.
  (db) => {
    db.exec(rollupSchema);
    rebuildRollups(db);
  },
  // 3: the cache split of input tokens, and cache prices.
  (db) =>
    db.exec(`ALTER TABLE events ADD COLUMN cache_read_tokens INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE events ADD COLUMN cache_write_tokens INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE prices ADD COLUMN cache_read_cost_per_1k REAL;
      ALTER TABLE prices ADD COLUMN cache_write_cost_per_1k REAL;`),
  // 4: identity keys lead with the instant (see identityKey), derived from the stored ones.
  (db) =>
    db.exec(
      `UPDATE events SET identity = CAST(unhex(printf('%016x', ts)) || substr(identity, 1, 24) AS BLOB);`,
    ),
];

/** Schema version this build of the store writes. */
export const schemaVersion = migrations.length;

/**
 * Brings a database up to {@link schemaVersion}, each migration in its own write transaction.
 * The version is read again under the write lock, so processes opening a new file at the same
 * time apply each migration once.
 *
 * @throws StoreError `STORE_MIGRATION_FAILED` when a migration fails or the file is newer.
 */
export function migrate(db: Database.Database): void {
  const current = readVersion(db);
  if (current > schemaVersion) {
    throw new StoreError(
      'STORE_MIGRATION_FAILED',
      `database schema version ${current} is newer than this tool supports (${schemaVersion})`,
    );
  }

  for (let version = current; version < schemaVersion; version += 1) {
    const apply = db.transaction(() => {
      if (readVersion(db) > version) return;
      migrations[version]?.(db);
      db.pragma(`user_version = ${version + 1}`);
    });
    try {
      apply.immediate();
    } catch (cause) {
      const reason = (cause as Error).message;
      throw new StoreError(
        'STORE_MIGRATION_FAILED',
        `migration to version ${version + 1} failed: ${reason}`,
        {
          cause,
        },
      );
    }
  }
}

function readVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
