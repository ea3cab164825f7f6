import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './schema.js';

describe('migrate', () => {
  it('creates the schema once and records its version', () => {
    const db = new Database(':memory:');

    migrate(db);
    migrate(db);

    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect([db.pragma('user_version', { simple: true }), tables]).toEqual([
      schemaVersion,
      ['daily_rollups', 'events', 'prices', 'providers_seen'],
    ]);
    db.close();
  });

  it('throws STORE_MIGRATION_FAILED with the cause when a migration fails', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE events (x)');

    expect(() => migrate(db)).toThrow(
      expect.objectContaining({
        code: 'STORE_MIGRATION_FAILED',
        message: 'migration to version 1 failed: table events already exists',
      }),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
  });
});
