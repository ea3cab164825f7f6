import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// The parsing worker is a file of the built package, so these tests run the build.
import {
  ingestPath,
  openStore,
  usesParsingWorker,
  type IngestProgress,
  type IngestResult,
} from '../dist/index.js';
import { makeTempDir } from './_testing.js';

let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir('parallel');
});

afterEach(() => {
  temp.remove();
});

/** A JSONL text of `count` events with a bad line every 1,000 and a repeat every 500. */
function jsonl(count: number): string {
  const lines = ['\uFEFF{"provider_id":"codex","tool":"first","ts":"2025-10-21T00:00:00Z"}'];
  for (let i = 1; i < count; i += 1) {
    if (i % 1000 === 0)
      lines.push(`{"provider_id":"codex","tool":"t","ts":"2025-02-30T00:00:00Z"}`);
    else if (i % 500 === 0) lines.push(lines[i - 1] as string);
    else {
      const minute = String(i % 60).padStart(2, '0');
      lines.push(
        `{"provider_id":"p${i % 3}","model":"m${i % 7}","timestamp":"2025-10-21T10:${minute}:00+02:00",` +
          `"input_tokens":${i},"output_tokens":"${i % 97}","latency_ms":${i % 13}.5,"status":"OK",` +
          `"cost_usd":${i % 5 === 0 ? 'null' : (i / 1e4).toFixed(4)},"metadata":{"n":${i},"note":"é\\n\\"q\\""}}`,
      );
    }
  }
  return lines.join('\r\n');
}

async function ingestWith(file: string, parseInWorker: boolean) {
  const db = join(temp.dir, `${parseInWorker ? 'worker' : 'thread'}.db`);
  const store = openStore(db);
  const progress: IngestProgress[] = [];
  let result: IngestResult;
  try {
    result = await ingestPath(store, file, {
      parseInWorker,
      batchSize: 700,
      now: () => 1_761_200_000_000,
      onProgress: (item) => progress.push(item),
    });
  } finally {
    await store.close();
  }
  const sqlite = new Database(db, { readonly: true });
  const rows = sqlite
    .prepare('SELECT hex(identity) AS identity, * FROM events ORDER BY seq')
    .all() as Record<string, unknown>[];
  const rollups = sqlite.prepare('SELECT * FROM daily_rollups ORDER BY 1, 2, 3, 4').all();
  sqlite.close();
  return { result, progress, rows, rollups };
}

describe('ingestPath with the parsing worker', () => {
  it('parses files of 4 MiB or more in the worker unless told otherwise', () => {
    expect(usesParsingWorker({}, 4 * 1024 * 1024)).toBe(true);
    expect(usesParsingWorker({}, 4 * 1024 * 1024 - 1)).toBe(false);
    expect(usesParsingWorker({ parseInWorker: true }, 10)).toBe(true);
    expect(usesParsingWorker({ parseInWorker: false }, 1e9)).toBe(false);
  });

  it('stores, refuses and reports exactly what the single-thread path does', async () => {
    const file = join(temp.dir, 'events.jsonl');
    writeFileSync(file, jsonl(12_000));

    const worker = await ingestWith(file, true);
    const thread = await ingestWith(file, false);

    expect(worker.result).toMatchObject({ inserted: 11_977, duplicates: 12, rejected: 11 });
    expect(worker.result.rejections[0]).toEqual({
      source: file,
      line: 1001,
      field: 'ts',
      reason: 'impossible date 2025-02-30',
      raw: '{"provider_id":"codex","tool":"t","ts":"2025-02-30T00:00:00Z"}',
    });
    expect(worker.result).toEqual(thread.result);
    expect(worker.progress.map((item) => item.records)).toEqual(
      thread.progress.map((item) => item.records),
    );
    expect(worker.progress.at(-1)).toMatchObject({
      records: 12_000,
      bytesRead: worker.progress.at(-1)?.bytesTotal,
    });
    expect(worker.rows).toHaveLength(11_977);
    expect(worker.rows).toEqual(thread.rows);
    expect(worker.rollups).toEqual(thread.rollups);
    expect(worker.rows[1]).toMatchObject({
      provider_id: 'p1',
      tool: 'm1',
      ts: Date.parse('2025-10-21T08:01:00Z'),
      tokens_in: 1,
      tokens_out: 1,
      duration_ms: 1,
      status: 'success',
      cost_reported: 0.0001,
      metadata: '{"n":1,"note":"é\\n\\"q\\""}',
      source_file: file,
      line_number: 2,
      ingested_at: 1_761_200_000_000,
    });
  });

  it('finds the events of a second ingestion of the same file already stored', async () => {
    const file = join(temp.dir, 'events.jsonl');
    writeFileSync(file, jsonl(3_000));
    const store = openStore(join(temp.dir, 'twice.db'));
    try {
      const first = await ingestPath(store, file, { parseInWorker: true });
      const again = await ingestPath(store, file, { parseInWorker: true });
      expect(first).toMatchObject({ inserted: 2_995, duplicates: 3, rejected: 2 });
      expect(again).toMatchObject({ inserted: 0, duplicates: 2_998, rejected: 2 });
    } finally {
      await store.close();
    }
  });

  it('reads a dataset document in the worker too', async () => {
    const file = join(temp.dir, 'dataset.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          events: [
            { provider_id: 'codex', tool: 'a', ts: '2025-10-21T00:00:00Z' },
            { provider_id: 'codex', tool: 'b', ts: 'yesterday' },
          ],
        },
        null,
        2,
      ),
    );
    const worker = await ingestWith(file, true);
    expect(worker.result).toMatchObject({ inserted: 1, duplicates: 0, rejected: 1 });
    expect(worker.result.rejections[0]).toMatchObject({ line: 2, field: 'ts' });
    expect(worker.rows[0]).toMatchObject({ tool: 'a', status: 'success', line_number: 1 });
  });
});
