import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DailyTotal, RouteTotal } from './contract.js';
import { referenceDatasetUrl } from './_testing.js';
import { ingestStream, ingestText } from './ingest-sources.js';
import { dayEndMs, dayStartMs } from './instant.js';
import { nanosToUsd } from './money.js';
import { seedDataset } from './seed.js';
import { openStore } from './sqlite-store.js';
import type { TelemetryStore } from './telemetry-store.js';

const datasetText = readFileSync(referenceDatasetUrl, 'utf8');
const dataset = JSON.parse(datasetText) as { events: Record<string, unknown>[] };

const day = (
  date: string,
  runs: number,
  successes: number,
  tin: number,
  tout: number,
  latency: number,
  usd: number,
) => ({
  day: date,
  run_count: runs,
  success_count: successes,
  tokens_in: tin,
  tokens_out: tout,
  latency_sum_ms: latency,
  cost_nanos: BigInt(Math.round(usd * 100)) * 10_000_000n,
  unpriced_events: 0,
});

const expectedDays: DailyTotal[] = [
  day('2025-10-08', 3, 3, 10600, 4350, 2690, 23.1),
  day('2025-10-09', 3, 3, 10550, 4320, 2765, 23.2),
  day('2025-10-10', 3, 2, 10710, 4410, 2840, 23.6),
  day('2025-10-11', 3, 3, 10720, 4415, 2855, 23.65),
  day('2025-10-12', 3, 3, 10600, 4365, 2810, 23.05),
  day('2025-10-13', 3, 2, 10630, 4350, 2760, 22.9),
  day('2025-10-14', 3, 3, 10825, 4420, 2775, 23.18),
  day('2025-10-15', 3, 3, 10420, 4270, 2850, 22.3),
  day('2025-10-16', 3, 3, 10400, 4260, 2805, 22.0),
  day('2025-10-17', 3, 2, 10340, 4250, 2820, 21.8),
  day('2025-10-18', 3, 3, 10300, 4240, 2770, 21.95),
  day('2025-10-19', 3, 3, 10260, 4230, 2845, 21.15),
  day('2025-10-20', 3, 2, 10220, 4220, 2740, 21.15),
  day('2025-10-21', 3, 3, 10180, 4210, 2815, 21.1),
];

const expectedRoutes: RouteTotal[] = [
  {
    provider_id: 'codex',
    route: 'economy',
    run_count: 14,
    success_count: 14,
    tokens_in: 38155,
    tokens_out: 14100,
    latency_sum_ms: 12830,
    cost_nanos: 81_130_000_000n,
    unpriced_events: 0,
    latest_ts: Date.parse('2025-10-21T15:00:00Z'),
    latest_metadata: { consumer: 'cli-core' },
  },
  {
    provider_id: 'gemini',
    route: 'balanced',
    run_count: 14,
    success_count: 12,
    tokens_in: 56830,
    tokens_out: 25560,
    latency_sum_ms: 12720,
    cost_nanos: 122_900_000_000n,
    unpriced_events: 0,
    latest_ts: Date.parse('2025-10-21T13:00:00Z'),
    latest_metadata: { consumer: 'growth-team', trace_id: 'gem-013' },
  },
  {
    provider_id: 'glm46',
    route: 'default',
    run_count: 14,
    success_count: 12,
    tokens_in: 51770,
    tokens_out: 20650,
    latency_sum_ms: 13590,
    cost_nanos: 110_100_000_000n,
    unpriced_events: 0,
    latest_ts: Date.parse('2025-10-21T14:00:00Z'),
    latest_metadata: { project: 'atlas' },
  },
];

let store: TelemetryStore;

beforeEach(() => {
  store = openStore(':memory:');
});

afterEach(() => store.close());

describe('seedDataset', () => {
  it('stores the 42 reference events with the sample prices', async () => {
    const result = await seedDataset(store, dataset);

    expect(result).toEqual({ inserted: 42, duplicates: 0, rejected: 0, rejections: [] });
    expect(
      (await store.listPrices()).map((entry) => [
        entry.provider_id,
        entry.input_cost_per_1k,
        entry.output_cost_per_1k,
      ]),
    ).toEqual([
      ['gemini', 0.0025, 0.0035],
      ['glm46', 0.0018, 0.0022],
      ['codex', 0.002, 0.0025],
    ]);
    expect(await store.dataSpan({})).toEqual({ first: '2025-10-08', last: '2025-10-21' });
  });

  it('stores nothing new and adds no prices when seeding twice', async () => {
    await seedDataset(store, dataset);

    const again = await seedDataset(store, dataset);

    expect([again.inserted, again.duplicates, again.rejected]).toEqual([0, 42, 0]);
    expect([await store.countEvents({}), (await store.listPrices()).length]).toEqual([42, 3]);
  });

  it('gives the daily and route totals of the reference dataset', async () => {
    await seedDataset(store, dataset);

    expect(await store.dailyTotals({})).toEqual(expectedDays);
    expect(await store.routeTotals({})).toEqual(expectedRoutes);
  });

  it.each([
    ['2025-10-15', '2025-10-21', 151.45, 72120, 29680],
    ['2025-10-08', '2025-10-14', 162.68, 74635, 30630],
  ])(
    'totals the sprint window %s … %s to %d USD',
    async (first, last, usd, tokensIn, tokensOut) => {
      await seedDataset(store, dataset);

      const days = await store.dailyTotals({ start: dayStartMs(first), end: dayEndMs(last) });
      const cost = days.reduce((sum, total) => sum + total.cost_nanos, 0n);

      expect(nanosToUsd(cost)).toBe(usd);
      expect([
        days.reduce((sum, total) => sum + total.tokens_in, 0),
        days.reduce((sum, total) => sum + total.tokens_out, 0),
      ]).toEqual([tokensIn, tokensOut]);
    },
  );
});

describe('reference dataset formats', () => {
  it.each([
    ['a JSON array', () => ingestText(store, JSON.stringify(dataset.events, null, 2))],
    ['a one-line JSON array', () => ingestText(store, JSON.stringify(dataset.events))],
    ['the dataset document text', () => ingestText(store, datasetText)],
    [
      'a JSONL stream',
      () =>
        ingestStream(
          store,
          Readable.from(dataset.events.map((event) => `${JSON.stringify(event)}\n`)),
        ),
    ],
  ])('gives the same totals from %s as from the dataset document', async (_format, ingest) => {
    const result = await ingest();

    expect([result.inserted, result.rejected]).toEqual([42, 0]);
    expect(await store.dailyTotals({})).toEqual(expectedDays);
    expect(await store.routeTotals({})).toEqual(expectedRoutes);
  });
});
