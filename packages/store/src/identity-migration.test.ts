import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from './_testing.js';
import { ingestText } from './ingest-sources.js';
import { openStore } from './sqlite-store.js';

const event = {
  provider_id: 'codex',
  tool: 'codex.cli',
  route: 'economy',
  tokens_in: 10,
  tokens_out: 5,
  duration_ms: 7,
  status: 'success',
  cost_estimated_usd: 0.5,
  ts: '2025-10-21T14:00:00Z',
};

let temp: { dir: string; remove: () => void } | undefined;
afterEach(() => temp?.remove());

describe('schema 4: identity keys that lead with the instant', () => {
  it('rewrites the keys of a schema-3 file so re-importing its events stores nothing new', async () => {
    temp = makeTempDir('identity');
    const path = join(temp.dir, 'v3.db');
    const store = openStore(path);
    await ingestText(store, JSON.stringify(event));
    await store.close();

    // Turn the file back into schema 3, whose keys were the plain SHA-256 of the fields.
    const fields = [
      Date.parse(event.ts),
      'codex',
      'codex.cli',
      'economy',
      10,
      5,
      7,
      'success',
      0.5,
      '{}',
      null,
      null,
    ];
    const raw = new Database(path);
    raw
      .prepare('UPDATE events SET identity = ?')
      .run(createHash('sha256').update(JSON.stringify(fields)).digest());
    raw.pragma('user_version = 3');
    raw.close();

    const migrated = openStore(path);
    const again = await ingestText(migrated, JSON.stringify(event));

    expect([again.inserted, again.duplicates]).toEqual([0, 1]);
    expect(await migrated.countEvents({})).toBe(1);
    await migrated.close();
  });
});
