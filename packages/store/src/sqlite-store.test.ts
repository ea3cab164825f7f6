import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectEvents, makeTempDir } from './_testing.js';
import { ingestValue } from './ingest-sources.js';
import { schemaVersion } from './schema.js';
import { openStore } from './sqlite-store.js';
import type { StoredEvent } from './contract.js';
import type { TelemetryStore } from './telemetry-store.js';

const at = (text: string) => Date.parse(text);

describe('openStore', () => {
  let temp: ReturnType<typeof makeTempDir>;

  beforeEach(() => {
    temp = makeTempDir('open');
  });

  afterEach(() => temp.remove());

  it('creates the missing directories of a file path', async () => {
    const path = join(temp.dir, 'nested', 'deeper', 'console.db');

    const store = openStore(path);
    await store.close();

    expect(existsSync(path)).toBe(true);
  });

  it('records the schema version and puts the file in WAL mode', async () => {
    const path = join(temp.dir, 'console.db');
    await openStore(path).close();

    const db = new Database(path, { readonly: true });
    const state = [
      db.pragma('user_version', { simple: true }),
      db.pragma('journal_mode', { simple: true }),
    ];
    db.close();

    expect([schemaVersion, state]).toEqual([4, [4, 'wal']]);
  });

  it('keeps the events of a file across openings', async () => {
    const path = join(temp.dir, 'console.db');
    const first = openStore(path);
    await ingestValue(first, [{ provider_id: 'codex', tool: 'a', ts: '2025-10-21T10:00:00Z' }]);
    await first.close();

    const second = openStore(path);
    const count = await second.countEvents({});
    await second.close();

    expect(count).toBe(1);
  });

  it('throws STORE_OPEN_FAILED for a file that is not a database', () => {
    const path = join(temp.dir, 'notes.db');
    writeFileSync(path, 'these are not the pages you are looking for '.repeat(200));

    expect(() => openStore(path)).toThrow(
      expect.objectContaining({ name: 'StoreError', code: 'STORE_OPEN_FAILED', field: 'db' }),
    );
  });

  it('throws STORE_OPEN_FAILED for a path that is a directory', () => {
    const path = join(temp.dir, 'a-directory');
    mkdirSync(path);

    expect(() => openStore(path)).toThrow(expect.objectContaining({ code: 'STORE_OPEN_FAILED' }));
  });

  it('throws STORE_MIGRATION_FAILED for a database of a newer schema', () => {
    const path = join(temp.dir, 'future.db');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();

    expect(() => openStore(path)).toThrow(
      expect.objectContaining({
        code: 'STORE_MIGRATION_FAILED',
        message: 'database schema version 99 is newer than this tool supports (4)',
      }),
    );
  });
});

describe('store queries', () => {
  let store: TelemetryStore;

  beforeEach(async () => {
    store = openStore(':memory:');
    await ingestValue(store, [
      {
        provider_id: 'gemini',
        tool: 'g',
        route: 'balanced',
        ts: '2025-10-20T23:59:59.999Z',
        tokens_in: 10,
        tokens_out: 1,
        duration_ms: 100,
        status: 'ok',
        cost_estimated_usd: 0.5,
        metadata: { consumer: 'growth' },
      },
      {
        provider_id: 'codex',
        tool: 'c',
        ts: '2025-10-21T00:00:00Z',
        tokens_in: 20,
        tokens_out: 2,
        duration_ms: 200,
        status: 'failed',
        cost_estimated_usd: 0.25,
        metadata: { project: 'old' },
      },
      {
        provider_id: 'codex',
        tool: 'c',
        route: 'default',
        ts: '2025-10-21T12:00:00Z',
        tokens_in: 30,
        tokens_out: 3,
        duration_ms: 300,
        status: 'success',
        metadata: { project: 'atlas' },
      },
      {
        provider_id: 'gemini',
        tool: 'g',
        route: 'balanced',
        ts: '2025-10-21T12:00:00Z',
        tokens_in: 40,
        tokens_out: 4,
        duration_ms: 400,
        status: 'success',
        cost_estimated_usd: 1.25,
        metadata: { consumer: 'first' },
      },
      {
        provider_id: 'gemini',
        tool: 'g',
        route: 'balanced',
        ts: '2025-10-21T12:00:00Z',
        tokens_in: 50,
        tokens_out: 5,
        duration_ms: 500,
        status: 'retry',
        cost_estimated_usd: 2,
        metadata: { consumer: 'second' },
      },
    ]);
  });

  afterEach(() => store.close());

  it('totals each UTC day', async () => {
    expect(await store.dailyTotals({})).toEqual([
      {
        day: '2025-10-20',
        run_count: 1,
        success_count: 1,
        tokens_in: 10,
        tokens_out: 1,
        latency_sum_ms: 100,
        cost_nanos: 500_000_000n,
        unpriced_events: 0,
      },
      {
        day: '2025-10-21',
        run_count: 4,
        success_count: 2,
        tokens_in: 140,
        tokens_out: 14,
        latency_sum_ms: 1400,
        cost_nanos: 3_500_000_000n,
        unpriced_events: 1,
      },
    ]);
  });

  it('totals each UTC day and provider', async () => {
    const rows = await store.dailyProviderTotals({});

    expect(rows.map((row) => [row.day, row.provider_id, row.run_count, row.cost_nanos])).toEqual([
      ['2025-10-20', 'gemini', 1, 500_000_000n],
      ['2025-10-21', 'codex', 2, 250_000_000n],
      ['2025-10-21', 'gemini', 2, 3_250_000_000n],
    ]);
  });

  it('totals each provider route with its latest run, ties broken by ingestion order', async () => {
    const rows = await store.routeTotals({});

    expect(
      rows.map((row) => [
        row.provider_id,
        row.route,
        row.run_count,
        row.cost_nanos,
        row.unpriced_events,
        row.latest_ts,
        row.latest_metadata,
      ]),
    ).toEqual([
      ['codex', null, 1, 250_000_000n, 0, at('2025-10-21T00:00:00Z'), { project: 'old' }],
      ['codex', 'default', 1, 0n, 1, at('2025-10-21T12:00:00Z'), { project: 'atlas' }],
      [
        'gemini',
        'balanced',
        3,
        3_750_000_000n,
        0,
        at('2025-10-21T12:00:00Z'),
        { consumer: 'second' },
      ],
    ]);
  });

  it.each([
    [{}, 5],
    [{ start: at('2025-10-21T00:00:00Z') }, 4],
    [{ end: at('2025-10-20T23:59:59.999Z') }, 1],
    [{ start: at('2025-10-21T00:00:00Z'), end: at('2025-10-21T00:00:00Z') }, 1],
    [{ providerIds: ['codex'] }, 2],
    [{ providerIds: ['codex', 'gemini'] }, 5],
    [{ providerIds: [] }, 0],
    [{ route: 'balanced' }, 3],
    [{ route: 'default' }, 2],
    [{ route: 'default', providerIds: ['gemini'] }, 0],
  ])('counts the events of the filter %j: %d', async (filter, count) => {
    expect(await store.countEvents(filter)).toBe(count);
  });

  it('spans the first and last day with data, or null without events', async () => {
    expect(await store.dataSpan({})).toEqual({ first: '2025-10-20', last: '2025-10-21' });
    expect(await store.dataSpan({ providerIds: ['codex'] })).toEqual({
      first: '2025-10-21',
      last: '2025-10-21',
    });
    expect(await store.dataSpan({ providerIds: ['claude'] })).toBeNull();
  });

  it('iterates events by instant, provider, then ingestion order', async () => {
    const events = await collectEvents(store);

    expect(events.map((event) => [event.ts, event.provider_id, event.seq])).toEqual([
      [at('2025-10-20T23:59:59.999Z'), 'gemini', 1],
      [at('2025-10-21T00:00:00Z'), 'codex', 2],
      [at('2025-10-21T12:00:00Z'), 'codex', 3],
      [at('2025-10-21T12:00:00Z'), 'gemini', 4],
      [at('2025-10-21T12:00:00Z'), 'gemini', 5],
    ]);
  });

  it('lists runs newest first and pages with a cursor', async () => {
    const first = await store.listRuns({}, 2);
    const last = first.at(-1);
    const second = await store.listRuns({}, 2, last && { ts: last.ts, seq: last.seq });
    const end = second.at(-1);
    const third = await store.listRuns({}, 2, end && { ts: end.ts, seq: end.seq });

    expect([first, second, third].map((page) => page.map((event) => event.seq))).toEqual([
      [5, 4],
      [3, 2],
      [1],
    ]);
  });

  it('throws STORE_QUERY_FAILED once closed, and closes twice without failing', async () => {
    await store.close();
    await store.close();

    await expect(store.countEvents({})).rejects.toMatchObject({
      name: 'StoreError',
      code: 'STORE_QUERY_FAILED',
    });
    await expect(store.insertEvents([])).resolves.toEqual({ inserted: 0, duplicates: 0 });
    await expect(
      ingestValue(store, [{ provider_id: 'codex', tool: 'a', ts: '2025-10-21T10:00:00Z' }]),
    ).rejects.toMatchObject({
      code: 'STORE_QUERY_FAILED',
    });
    await expect(store.listPrices()).rejects.toMatchObject({ code: 'STORE_QUERY_FAILED' });
  });
});

describe('store iteration', () => {
  it('pages through more events than one page holds, in order, without repeats', async () => {
    const store = openStore(':memory:');
    const base = at('2025-10-01T00:00:00Z');
    const records = Array.from({ length: 4_500 }, (_, index) => ({
      provider_id: index % 2 === 0 ? 'codex' : 'gemini',
      tool: 't',
      ts: new Date(base + Math.floor(index / 3) * 60_000).toISOString(),
      tokens_in: index,
    }));
    await ingestValue(store, records);

    const events = await collectEvents(store);
    const keys = events.map(
      (event) => `${event.ts}|${event.provider_id}|${String(event.seq).padStart(5, '0')}`,
    );

    expect([events.length, new Set(events.map((event) => event.seq)).size]).toEqual([4_500, 4_500]);
    expect(keys).toEqual([...keys].sort());

    const pages: StoredEvent[][] = [];
    for await (const page of store.iterateEvents({}).pages()) pages.push(page);
    expect(pages.map((page) => page.length)).toEqual([...Array(45).fill(100)]);
    expect(pages.flat()).toEqual(events);
    await store.close();
  });

  it('reads one snapshot: events committed by another connection mid-iteration are left out', async () => {
    const temp = makeTempDir('snapshot');
    const path = join(temp.dir, 'snapshot.db');
    const store = openStore(path);
    const other = openStore(path);
    try {
      const base = at('2025-10-01T00:00:00Z');
      const records = (from: number, count: number, tool: string) =>
        Array.from({ length: count }, (_, index) => ({
          provider_id: 'codex',
          tool,
          ts: new Date(base + (from + index * 2) * 60_000).toISOString(),
        }));
      await ingestValue(store, records(0, 250, 'first'));

      const seen: StoredEvent[] = [];
      for await (const page of store.iterateEvents({}).pages()) {
        seen.push(...page);
        // After the first page, events that sort before and after the rest are committed.
        if (seen.length === 100) await ingestValue(other, records(1, 250, 'second'));
      }

      expect(seen).toHaveLength(250);
      expect(new Set(seen.map((event) => event.tool))).toEqual(new Set(['first']));
      expect(await collectEvents(store)).toHaveLength(500);
    } finally {
      await other.close();
      await store.close();
      temp.remove();
    }
  });

  it('gives a snapshot that keeps seeing the data of its moment until closed', async () => {
    const temp = makeTempDir('view');
    const store = openStore(join(temp.dir, 'view.db'));
    const memory = openStore(':memory:');
    try {
      const event = (minute: number) => ({
        provider_id: 'codex',
        tool: 't',
        ts: new Date(at('2025-10-01T00:00:00Z') + minute * 60_000).toISOString(),
      });
      await ingestValue(store, [event(1), event(2)]);
      const view = await store.snapshot();
      await ingestValue(store, [event(3)]);

      const viewed: number[] = [];
      for await (const item of view.iterateEvents({})) viewed.push(item.ts);
      expect([await view.countEvents({}), viewed.length, await store.countEvents({})]).toEqual([
        2, 2, 3,
      ]);
      expect((await view.dailyTotals({}))[0]?.run_count).toBe(2);
      await view.close();
      await view.close();
      expect(await store.countEvents({})).toBe(3);

      const memoryView = await memory.snapshot();
      await memoryView.close();
      await ingestValue(memory, [event(1)]);
      expect(await memory.countEvents({})).toBe(1);
    } finally {
      await store.close();
      await memory.close();
      temp.remove();
    }
  });

  it('hands over no page for a filter that matches nothing', async () => {
    const store = openStore(':memory:');
    const pages: StoredEvent[][] = [];
    for await (const page of store.iterateEvents({ route: 'none' }).pages()) pages.push(page);
    expect(pages).toEqual([]);
    await store.close();
  });
});

describe('store limits', () => {
  it('sums very large reported costs exactly', async () => {
    const store = openStore(':memory:');
    await ingestValue(store, [
      {
        provider_id: 'codex',
        tool: 'a',
        ts: '2025-10-21T10:00:00Z',
        cost_estimated_usd: 9_000_000_000.5,
      },
      {
        provider_id: 'codex',
        tool: 'b',
        ts: '2025-10-21T11:00:00Z',
        cost_estimated_usd: 9_000_000_000.25,
      },
    ]);

    const [day] = await store.dailyTotals({});
    const [route] = await store.routeTotals({});

    expect([day?.cost_nanos, route?.cost_nanos]).toEqual([
      18_000_000_000_750_000_000n,
      18_000_000_000_750_000_000n,
    ]);
    await store.close();
  });

  it('rejects a reported cost too large to store, keeping the rest of the input', async () => {
    const store = openStore(':memory:');

    const result = await ingestValue(store, [
      { provider_id: 'codex', tool: 'a', ts: '2025-10-21T10:00:00Z', cost_estimated_usd: 1e300 },
      { provider_id: 'codex', tool: 'b', ts: '2025-10-21T11:00:00Z', cost_estimated_usd: 1 },
    ]);

    expect([result.inserted, result.rejected, result.rejections[0]?.field]).toEqual([
      1,
      1,
      'cost_estimated_usd',
    ]);
    await store.close();
  });

  it('leaves an event unpriced when its priced cost is too large to store', async () => {
    const store = openStore(':memory:');
    await store.addPrice({ provider_id: 'codex', input_cost_per_1k: 1_000_000 });

    await ingestValue(store, [
      { provider_id: 'codex', tool: 'a', ts: '2025-10-21T10:00:00Z', tokens_in: 9007199254740991 },
      { provider_id: 'codex', tool: 'b', ts: '2025-10-21T11:00:00Z', tokens_in: 1000 },
    ]);

    expect((await collectEvents(store)).map((event) => event.cost_nanos)).toEqual([
      null,
      1_000_000_000_000_000n,
    ]);
    await store.close();
  });
});

describe('store query input', () => {
  it.each([
    [{ start: Number.NaN }, 'start', 'start must be epoch milliseconds, got NaN'],
    [{ end: Number.POSITIVE_INFINITY }, 'end', 'end must be epoch milliseconds, got Infinity'],
    [
      { providerIds: 'codex' },
      'providerIds',
      'providerIds must be an array of provider ids, got "codex"',
    ],
    [{ route: 7 }, 'route', 'route must be text, got 7'],
  ])('throws STORE_INVALID_INPUT for the filter %j', async (filter, field, message) => {
    const store = openStore(':memory:');

    await expect(store.countEvents(filter as never)).rejects.toMatchObject({
      code: 'STORE_INVALID_INPUT',
      field,
      message,
    });
    await store.close();
  });

  it.each([
    [0, undefined, 'limit'],
    [-1, undefined, 'limit'],
    [2.5, undefined, 'limit'],
    [10, { ts: Number.NaN, seq: 1 }, 'after'],
  ])('throws STORE_INVALID_INPUT for the runs page %d after %j', async (limit, after, field) => {
    const store = openStore(':memory:');

    await expect(store.listRuns({}, limit, after)).rejects.toMatchObject({
      code: 'STORE_INVALID_INPUT',
      field,
    });
    await store.close();
  });
});
