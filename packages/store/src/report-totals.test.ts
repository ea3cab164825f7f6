import { describe, expect, it } from 'vitest';
import { splitByDay } from './day-split.js';
import { openStore } from './sqlite-store.js';
import type { EventFilter } from './contract.js';
import type { EventInsert } from './telemetry-store.js';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);

function event(ts: string, overrides: Partial<EventInsert> = {}): EventInsert {
  return {
    ts: at(ts),
    provider_id: 'codex',
    tool: 'codex.cli',
    route: 'economy',
    tokens_in: 100,
    tokens_out: 50,
    duration_ms: 10,
    status: 'success',
    cost_estimated_usd: 1.25,
    metadata: `{"consumer":"${ts}"}`,
    experiment_cohort: null,
    experiment_tag: null,
    source_file: 'test',
    line_number: 1,
    ingested_at: 0,
    ...overrides,
  };
}

describe('splitByDay', () => {
  it.each([
    ['no bounds', {}, { first: -1e12, last: 1e12 }, []],
    [
      'whole days',
      { start: at('2025-10-08T00:00:00Z'), end: at('2025-10-21T23:59:59.999Z') },
      { first: at('2025-10-08') / DAY, last: at('2025-10-21') / DAY },
      [],
    ],
    [
      'a partial last day',
      { start: at('2025-10-08T00:00:00Z'), end: at('2025-10-21T23:59:59Z') },
      { first: at('2025-10-08') / DAY, last: at('2025-10-20') / DAY },
      [{ start: at('2025-10-21T00:00:00Z'), end: at('2025-10-21T23:59:59Z') }],
    ],
    [
      'partial days at both ends',
      { start: at('2025-10-08T12:00:00Z'), end: at('2025-10-10T06:00:00Z') },
      { first: at('2025-10-09') / DAY, last: at('2025-10-09') / DAY },
      [
        { start: at('2025-10-08T12:00:00Z'), end: at('2025-10-08T23:59:59.999Z') },
        { start: at('2025-10-10T00:00:00Z'), end: at('2025-10-10T06:00:00Z') },
      ],
    ],
    [
      'one partial day',
      { start: at('2025-10-08T01:00:00Z'), end: at('2025-10-08T02:00:00Z') },
      null,
      [{ start: at('2025-10-08T01:00:00Z'), end: at('2025-10-08T02:00:00Z') }],
    ],
  ])('splits %s', (_name, filter, wholeDays, partial) => {
    expect(splitByDay(filter)).toEqual({ wholeDays, partial });
  });
});

describe('report totals from rollups', () => {
  const events = [
    event('2025-10-08T10:00:00Z'),
    event('2025-10-08T23:00:00Z', {
      status: 'error',
      cost_estimated_usd: null,
      provider_id: 'claude',
      route: null,
    }),
    event('2025-10-09T05:00:00Z', { cost_estimated_usd: 2.5 }),
    event('2025-10-10T07:00:00Z', { route: 'review' }),
  ];

  it.each([
    ['no bounds', {}],
    ['whole days', { start: at('2025-10-08T00:00:00Z'), end: at('2025-10-10T23:59:59.999Z') }],
    ['partial edges', { start: at('2025-10-08T11:00:00Z'), end: at('2025-10-10T07:00:00Z') }],
    ['one day', { start: at('2025-10-08T11:00:00Z'), end: at('2025-10-08T23:30:00Z') }],
    ['a provider and a route', { providerIds: ['codex'], route: 'economy' }],
    ['the default route', { route: 'default' }],
  ] as [string, EventFilter][])('agree with a scan of the events (%s)', async (_name, filter) => {
    const store = openStore(':memory:');
    await store.insertEvents(events);

    const expected = { daily: [] as unknown[], count: 0 };
    const scanned: EventInsert[] = events.filter(
      (e) =>
        (filter.start === undefined || e.ts >= filter.start) &&
        (filter.end === undefined || e.ts <= filter.end) &&
        (filter.providerIds === undefined || filter.providerIds.includes(e.provider_id)) &&
        (filter.route === undefined || (e.route ?? 'default') === filter.route),
    );
    expected.count = scanned.length;

    expect(await store.countEvents(filter)).toBe(expected.count);
    const daily = await store.dailyTotals(filter);
    expect(daily.reduce((sum, d) => sum + d.run_count, 0)).toBe(expected.count);
    expect(daily.map((d) => d.day)).toEqual(
      [...new Set(scanned.map((e) => new Date(e.ts).toISOString().slice(0, 10)))].sort(),
    );
    const routes = await store.routeTotals(filter);
    expect(routes.reduce((sum, r) => sum + r.run_count, 0)).toBe(expected.count);
  });

  it('keeps the latest run of a route across whole and partial days', async () => {
    const store = openStore(':memory:');
    await store.insertEvents(events);

    const routes = await store.routeTotals({
      start: at('2025-10-08T00:00:00Z'),
      end: at('2025-10-09T12:00:00Z'),
    });

    expect(
      routes.map((r) => [r.provider_id, r.route, r.run_count, r.cost_nanos, r.latest_metadata]),
    ).toEqual([
      ['claude', null, 1, 0n, { consumer: '2025-10-08T23:00:00Z' }],
      ['codex', 'economy', 2, 3_750_000_000n, { consumer: '2025-10-09T05:00:00Z' }],
    ]);
  });

  it('re-prices rollups when a price entry changes', async () => {
    const store = openStore(':memory:');
    await store.insertEvents(events);
    expect((await store.dailyTotals({}))[0]?.unpriced_events).toBe(1);

    await store.addPrice({
      provider_id: 'claude',
      input_cost_per_1k: 0.01,
      output_cost_per_1k: 0.02,
    });

    const [first] = await store.dailyTotals({});
    expect(first).toMatchObject({
      day: '2025-10-08',
      unpriced_events: 0,
      cost_nanos: 1_250_000_000n + 2_000_000n,
    });
  });
});
