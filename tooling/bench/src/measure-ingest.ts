import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeSyntheticJsonl } from '@finops/fixtures';
import { normalizeEventRecord, type NormalizedEvent } from '@finops/store';
import { syntheticOptions } from './bench-datasets.js';

export interface IngestMeasurement {
  events: number;
  ingestPerSecond: number;
  ceilingPerSecond: number;
}

/**
 * `finops ingest` of a JSONL file (identity checking included, process start included) next to
 * the ceiling: a plain better-sqlite3 insert of the same rows, parsed beforehand, in one
 * transaction, into a table without the identity index.
 */
export async function measureIngest(
  workDir: string,
  count: number,
  cliPath: string,
): Promise<IngestMeasurement> {
  const jsonl = join(workDir, `ingest-${count}.jsonl`);
  const out = createWriteStream(jsonl);
  await writeSyntheticJsonl(syntheticOptions(count), out);
  await new Promise<void>((resolve) => out.end(resolve));

  const db = join(workDir, 'ingest.db');
  rmSync(db, { force: true });
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cliPath, 'ingest', jsonl, '--db', db], {
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`finops ingest failed: ${run.stderr}`);

  const rows = await parseRows(jsonl);
  const ceilingSeconds = plainInsert(join(workDir, 'ceiling.db'), rows);
  rmSync(jsonl, { force: true });
  return {
    events: count,
    ingestPerSecond: count / seconds,
    ceilingPerSecond: count / ceilingSeconds,
  };
}

async function parseRows(path: string): Promise<NormalizedEvent[]> {
  const rows: NormalizedEvent[] = [];
  for await (const line of createInterface({
    input: createReadStream(path),
    crlfDelay: Infinity,
  })) {
    const result = normalizeEventRecord(JSON.parse(line));
    if (result.ok) rows.push(result.event);
  }
  return rows;
}

function plainInsert(path: string, rows: NormalizedEvent[]): number {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE events (seq INTEGER PRIMARY KEY, ts INTEGER, provider_id TEXT, tool TEXT, route TEXT,
    tokens_in INTEGER, tokens_out INTEGER, duration_ms INTEGER, status TEXT, cost_reported REAL,
    metadata TEXT, experiment_cohort TEXT, experiment_tag TEXT)`);
  const insert = db.prepare('INSERT INTO events VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const started = process.hrtime.bigint();
  db.transaction(() => {
    for (const r of rows) {
      insert.run(
        r.ts,
        r.provider_id,
        r.tool,
        r.route,
        r.tokens_in,
        r.tokens_out,
        r.duration_ms,
        r.status,
        r.cost_estimated_usd,
        r.metadata,
        r.experiment_cohort,
        r.experiment_tag,
      );
    }
  })();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  return seconds;
}
