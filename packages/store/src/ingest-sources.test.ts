import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectEvents, makeTempDir } from './_testing.js';
import { dayEndMs, dayStartMs } from './instant.js';
import { ingestPath, ingestStream, ingestText, ingestValue } from './ingest-sources.js';
import type { IngestProgress, IngestRejection } from './ingest-result.js';
import { openStore } from './sqlite-store.js';
import type { TelemetryStore } from './telemetry-store.js';

const NOW = 1761200000000;
const LATER = 1761300000000;

/** One good line or bad line of the sample file, in file order. */
const lines = [
  '\uFEFF{"provider_id":"codex","tool":"codex.cli","route":"economy","ts":"2025-10-21T23:30:00-03:00","tokens_in":"128","tokens_out":64,"duration_ms":250.7,"status":"ok","cost_estimated_usd":0.1,"metadata":{"trace":"a","consumer":"cli-core"}}',
  '',
  '{"provider_id":"codex","tool":',
  '[1,2]',
  '42',
  '"x"',
  '{"provider_id":"codex","tool":"codex.cli","ts":"2025-10-21T10:00:00Z","tokens_in":-5}',
  '{"provider_id":"codex","tool":"codex.cli","ts":"2025-10-21T10:00:00Z","tokens_out":12.5}',
  '{"provider_id":"codex","tool":"codex.cli","ts":"2025-10-21T10:00:00Z","tokens_in":9007199254740993}',
  '{"provider_id":"codex","tool":"codex.cli","ts":"2025-10-21T10:00:00Z","tokens_out":"9007199254740993"}',
  '{"provider_id":"codex","tool":"codex.cli","ts":"2025-10-21T10:00:00Z","cost_estimated_usd":1e999}',
  '{"provider_id":"codex","tool":"codex.cli","ts":"2025-10-21T10:00:00Z","cost_estimated_usd":-0.25}',
  '{"provider_id":"codex","tool":"codex.cli","ts":"2025-02-30T10:00:00Z"}',
  '{"provider_id":"glm46","model":"glm-4.6","ts":"2025-10-21T14:00:00","status":"Retry","cost_usd":9.6,"latency_ms":930}',
  '{"provider_id":"gemini","tool":"gemini.chat","timestamp":"2025-10-22T04:00:00+05:30","status":" TIMEOUT ","input_tokens":1000}',
  '{"provider_id":"gemini","tool":"gemini.chat","ts":"2025-10-23T00:00:00Z","state":"passed","cost_estimated_usd":0}',
];
const sampleText = lines.join('\r\n');

let temp: ReturnType<typeof makeTempDir>;
let store: TelemetryStore;

beforeEach(() => {
  temp = makeTempDir('ingest');
  store = openStore(':memory:');
});

afterEach(async () => {
  await store.close();
  temp.remove();
});

function writeSample(name = 'events.jsonl', text = sampleText): string {
  const path = join(temp.dir, name);
  writeFileSync(path, text);
  return path;
}

function rejection(
  path: string,
  line: number,
  field: string | null,
  reason: string,
): IngestRejection {
  return { source: path, line, field, reason, raw: lines[line - 1] ?? '' };
}

describe('ingestPath on a JSONL file', () => {
  it('stores the good lines and reports every bad line with its line, field and raw text', async () => {
    const path = writeSample();

    const result = await ingestPath(store, path, { now: () => NOW });

    expect(result).toMatchObject({ inserted: 4, duplicates: 0, rejected: 11 });
    expect(result.rejections).toEqual([
      {
        source: path,
        line: 3,
        field: null,
        reason: expect.stringMatching(/^invalid JSON: /),
        raw: lines[2],
      },
      rejection(path, 4, null, 'expected a JSON object, got [1,2]'),
      rejection(path, 5, null, 'expected a JSON object, got 42'),
      rejection(path, 6, null, 'expected a JSON object, got "x"'),
      rejection(path, 7, 'tokens_in', 'must not be negative, got -5'),
      rejection(path, 8, 'tokens_out', 'must be a whole number, got 12.5'),
      rejection(path, 9, 'tokens_in', '9007199254740992 exceeds 2^53−1'),
      rejection(path, 10, 'tokens_out', '9007199254740993 exceeds 2^53−1'),
      rejection(path, 11, 'cost_estimated_usd', 'must be finite, got Infinity'),
      rejection(path, 12, 'cost_estimated_usd', 'must not be negative, got -0.25'),
      rejection(path, 13, 'ts', 'impossible date 2025-02-30'),
    ]);
  });

  it('keeps the raw text of a rejected line without its BOM or CR', async () => {
    const path = writeSample('bom.jsonl', '\uFEFF{"tool":"x"}\r\n');

    const result = await ingestPath(store, path);

    expect(result.rejections).toEqual([
      { source: path, line: 1, field: 'ts', reason: 'is required', raw: '{"tool":"x"}' },
    ]);
  });

  it('stores the normalized values and provenance of the good lines', async () => {
    const path = writeSample();

    await ingestPath(store, path, { now: () => NOW });

    expect(await collectEvents(store)).toEqual([
      {
        seq: 2,
        ts: Date.parse('2025-10-21T14:00:00Z'),
        provider_id: 'glm46',
        tool: 'glm-4.6',
        route: null,
        tokens_in: 0,
        tokens_out: 0,
        duration_ms: 930,
        status: 'retry',
        cost_estimated_usd: 9.6,
        cost_nanos: 9_600_000_000n,
        metadata: '{}',
        experiment_cohort: null,
        experiment_tag: null,
        source_file: path,
        line_number: 14,
        ingested_at: NOW,
      },
      {
        seq: 3,
        ts: Date.parse('2025-10-21T22:30:00Z'),
        provider_id: 'gemini',
        tool: 'gemini.chat',
        route: null,
        tokens_in: 1000,
        tokens_out: 0,
        duration_ms: 0,
        status: 'timeout',
        cost_estimated_usd: null,
        cost_nanos: null,
        metadata: '{}',
        experiment_cohort: null,
        experiment_tag: null,
        source_file: path,
        line_number: 15,
        ingested_at: NOW,
      },
      {
        seq: 1,
        ts: Date.parse('2025-10-22T02:30:00Z'),
        provider_id: 'codex',
        tool: 'codex.cli',
        route: 'economy',
        tokens_in: 128,
        tokens_out: 64,
        duration_ms: 250,
        status: 'success',
        cost_estimated_usd: 0.1,
        cost_nanos: 100_000_000n,
        metadata: '{"consumer":"cli-core","trace":"a"}',
        experiment_cohort: null,
        experiment_tag: null,
        source_file: path,
        line_number: 1,
        ingested_at: NOW,
      },
      {
        seq: 4,
        ts: Date.parse('2025-10-23T00:00:00Z'),
        provider_id: 'gemini',
        tool: 'gemini.chat',
        route: null,
        tokens_in: 0,
        tokens_out: 0,
        duration_ms: 0,
        status: 'success',
        cost_estimated_usd: 0,
        cost_nanos: 0n,
        metadata: '{}',
        experiment_cohort: null,
        experiment_tag: null,
        source_file: path,
        line_number: 16,
        ingested_at: NOW,
      },
    ]);
  });

  it('puts events on the UTC day of their instant, whatever their offset', async () => {
    await ingestPath(store, writeSample());

    expect(
      (await store.dailyTotals({})).map((day) => [day.day, day.run_count, day.unpriced_events]),
    ).toEqual([
      ['2025-10-21', 2, 1],
      ['2025-10-22', 1, 0],
      ['2025-10-23', 1, 0],
    ]);
    const october22 = { start: dayStartMs('2025-10-22'), end: dayEndMs('2025-10-22') };
    const [only] = await store.listRuns(october22, 10);
    expect([await store.countEvents(october22), only?.line_number]).toEqual([1, 1]);
  });
});

describe('ingestPath idempotency', () => {
  it('stores nothing new when the same file is imported again', async () => {
    const path = writeSample();
    await ingestPath(store, path, { now: () => NOW });

    const again = await ingestPath(store, path, { now: () => LATER });

    expect([again.inserted, again.duplicates, again.rejected]).toEqual([0, 4, 11]);
    expect(await store.countEvents({})).toBe(4);
  });

  it('stores nothing new when the same file is imported from another path', async () => {
    const path = writeSample();
    const copy = join(temp.dir, 'copy.jsonl');
    copyFileSync(path, copy);
    await ingestPath(store, path, { now: () => NOW });

    const again = await ingestPath(store, copy, { now: () => LATER });

    expect([again.inserted, again.duplicates]).toEqual([0, 4]);
    const events = await collectEvents(store);
    expect(events.map((event) => [event.source_file, event.ingested_at])).toEqual([
      [path, NOW],
      [path, NOW],
      [path, NOW],
      [path, NOW],
    ]);
  });

  it('treats the same event with another offset, key order and synonyms as a duplicate', async () => {
    await ingestPath(store, writeSample(), { now: () => NOW });
    const rewritten =
      '{"metadata":{"consumer":"cli-core","trace":"a"},"cost_usd":"0.10","status":" OK ","elapsedMs":250.2,' +
      '"output_tokens":64,"input_tokens":128,"timestamp":"2025-10-22T08:00:00+05:30","profile":"economy",' +
      '"model":"codex.cli","provider_id":"codex"}\n';

    const result = await ingestText(store, rewritten, { source: 'rewritten', now: () => LATER });

    expect([result.inserted, result.duplicates, result.rejected]).toEqual([0, 1, 0]);
    const [first] = await store.listRuns({ providerIds: ['codex'] }, 1);
    expect([first?.source_file, first?.line_number, first?.ingested_at]).toEqual([
      join(temp.dir, 'events.jsonl'),
      1,
      NOW,
    ]);
  });

  it('counts a repeated line within one input as a duplicate', async () => {
    const line = '{"provider_id":"codex","tool":"codex.cli","ts":"2025-10-21T10:00:00Z"}';

    const result = await ingestText(store, `${line}\n${line}\n`);

    expect([result.inserted, result.duplicates]).toEqual([1, 1]);
  });
});

describe('ingestPath on a logs directory', () => {
  it('takes the provider of records without one from the directory name', async () => {
    mkdirSync(join(temp.dir, 'codex'));
    mkdirSync(join(temp.dir, 'glm46'));
    const codexFile = join(temp.dir, 'codex', '2025-10-21.jsonl');
    const glmFile = join(temp.dir, 'glm46', 'calls.ndjson');
    const looseFile = join(temp.dir, 'loose.jsonl');
    writeFileSync(
      codexFile,
      '{"tool":"codex.cli","ts":"2025-10-21T10:00:00Z"}\n' +
        '{"provider_id":"gemini","tool":"gemini.chat","ts":"2025-10-21T11:00:00Z"}\n',
    );
    writeFileSync(join(temp.dir, 'codex', 'notes.txt'), 'not telemetry');
    writeFileSync(
      glmFile,
      '{"tool":"glm46.chat","ts":"2025-10-21T12:00:00Z"}\n{"ts":"2025-10-21T13:00:00Z"}\n',
    );
    writeFileSync(looseFile, '{"tool":"orphan","ts":"2025-10-21T14:00:00Z"}\n');

    const result = await ingestPath(store, temp.dir);

    expect([result.inserted, result.duplicates, result.rejected]).toEqual([3, 0, 2]);
    expect(result.rejections.map((item) => [item.source, item.line, item.field])).toEqual([
      [glmFile, 2, 'tool'],
      [looseFile, 1, 'provider_id'],
    ]);
    const events = await collectEvents(store);
    expect(
      events.map((event) => [event.provider_id, event.tool, event.source_file, event.line_number]),
    ).toEqual([
      ['codex', 'codex.cli', codexFile, 1],
      ['gemini', 'gemini.chat', codexFile, 2],
      ['glm46', 'glm46.chat', glmFile, 1],
    ]);
  });
});

describe('ingestText and ingestValue', () => {
  it('labels records from text with `-` unless a source is given', async () => {
    await ingestText(store, '{"provider_id":"codex","tool":"a","ts":"2025-10-21T10:00:00Z"}');
    await ingestText(store, '{"provider_id":"codex","tool":"b","ts":"2025-10-21T10:00:00Z"}', {
      source: 'body',
    });

    expect((await collectEvents(store)).map((event) => event.source_file)).toEqual(['-', 'body']);
  });

  it('ingests a JSON array given as one line of text', async () => {
    const text = JSON.stringify([
      { provider_id: 'codex', tool: 'a', ts: '2025-10-21T10:00:00Z' },
      { provider_id: 'codex', tool: 'b', ts: '2025-10-21T11:00:00Z', tokens_in: -1 },
    ]);

    const result = await ingestText(store, text);

    expect([result.inserted, result.rejected, result.rejections[0]?.line]).toEqual([1, 1, 2]);
  });

  it.each([
    [{ provider_id: 'codex', tool: 'a', ts: '2025-10-21T10:00:00Z' }, 'unknown'],
    [[{ provider_id: 'codex', tool: 'a', ts: '2025-10-21T10:00:00Z' }], 'unknown'],
    [{ events: [{ provider_id: 'codex', tool: 'a', ts: '2025-10-21T10:00:00Z' }] }, 'success'],
  ])('ingests the value %j with the default status %s', async (value, status) => {
    const result = await ingestValue(store, value);

    expect(result).toEqual({ inserted: 1, duplicates: 0, rejected: 0, rejections: [] });
    expect((await collectEvents(store))[0]?.status).toBe(status);
  });

  it('hands rejections to onReject instead of keeping them', async () => {
    const seen: IngestRejection[] = [];

    const result = await ingestText(store, '42\n{}\n', { onReject: (item) => seen.push(item) });

    expect([result.rejected, result.rejections, seen.map((item) => item.line)]).toEqual([
      2,
      [],
      [1, 2],
    ]);
  });

  it('reports progress after each stored batch', async () => {
    const progress: IngestProgress[] = [];
    const text = [1, 2, 3, 4, 5]
      .map((n) => `{"provider_id":"codex","tool":"t${n}","ts":"2025-10-21T10:00:00Z"}`)
      .concat('oops')
      .join('\n');

    await ingestText(store, text, {
      source: 'batch',
      batchSize: 2,
      onProgress: (item) => progress.push(item),
    });

    expect(
      progress.map((item) => [item.records, item.inserted, item.rejected, item.bytesTotal]),
    ).toEqual([
      [2, 2, 0, text.length],
      [4, 4, 0, text.length],
      [6, 5, 1, text.length],
    ]);
    expect(progress.at(-1)).toMatchObject({ source: 'batch', bytesRead: text.length });
  });
});

describe('ingestion failures', () => {
  it('throws STORE_SOURCE_UNREADABLE for a path that does not exist', async () => {
    await expect(ingestPath(store, join(temp.dir, 'missing.jsonl'))).rejects.toMatchObject({
      name: 'StoreError',
      code: 'STORE_SOURCE_UNREADABLE',
      field: 'path',
    });
  });

  it('throws STORE_SOURCE_UNREADABLE when the stream fails', async () => {
    let sent = false;
    const input = new Readable({
      read() {
        if (sent) this.destroy(new Error('disk gone'));
        else this.push('{"provider_id":"codex","tool":"a","ts":"2025-10-21T10:00:00Z"}\n');
        sent = true;
      },
    });

    await expect(ingestStream(store, input, { source: 'broken' })).rejects.toMatchObject({
      code: 'STORE_SOURCE_UNREADABLE',
      message: 'cannot read broken: disk gone',
    });
  });

  it("passes a callback's own error on as it is, not as an unreadable source", async () => {
    const full = new Error('rejects disk full');
    const ingesting = ingestText(store, '{"provider_id":"codex"}\n', {
      source: 'callback',
      onReject: () => {
        throw full;
      },
    });

    await expect(ingesting).rejects.toBe(full);
  });

  it.each([0, -1, 1.5, Number.NaN])(
    'throws STORE_INVALID_INPUT for the batch size %d',
    async (batchSize) => {
      await expect(ingestText(store, '{}', { batchSize })).rejects.toMatchObject({
        code: 'STORE_INVALID_INPUT',
        field: 'batchSize',
      });
    },
  );
});

describe('re-ingesting a rejects file', () => {
  it('reads the raw text of each rejection line, so a fixed rejects file ingests', async () => {
    const store = openStore(':memory:');
    const bad = '{"provider_id":"codex","tool":"cli","ts":"2025-02-30T10:00:00Z"}';
    const first = await ingestText(store, `${bad}\n`);
    const rejection = first.rejections[0]!;
    const fixed = { ...rejection, raw: rejection.raw.replace('2025-02-30', '2025-02-28') };

    const stillBad = await ingestText(store, `${JSON.stringify(rejection)}\n`);
    const again = await ingestText(store, `${JSON.stringify(fixed)}\n`);

    expect(rejection).toEqual({
      source: '-',
      line: 1,
      field: 'ts',
      reason: 'impossible date 2025-02-30',
      raw: bad,
    });
    expect([stillBad.rejected, stillBad.rejections[0]?.raw]).toEqual([1, bad]);
    expect([again.inserted, again.rejected]).toEqual([1, 0]);
  });
});
