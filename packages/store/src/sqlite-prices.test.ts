import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectEvents } from './_testing.js';
import { ingestValue } from './ingest-sources.js';
import { nanosToUsd } from './money.js';
import type { PriceEntryInput } from './price-entry.js';
import { validatePriceEntry } from './sqlite-prices.js';
import { openStore } from './sqlite-store.js';
import type { TelemetryStore } from './telemetry-store.js';

const geminiSample = {
  provider_id: 'gemini',
  input_cost_per_1k: 0.0025,
  output_cost_per_1k: 0.0035,
};
const geminiFromOct15 = {
  provider_id: 'gemini',
  input_cost_per_1k: 0.004,
  output_cost_per_1k: 0.001,
  cache_read_cost_per_1k: null,
  cache_write_cost_per_1k: null,
  effective_at: '2025-10-15T00:00:00Z',
};

let store: TelemetryStore;

beforeEach(async () => {
  store = openStore(':memory:');
  await ingestValue(store, [
    {
      provider_id: 'gemini',
      tool: 'gemini.chat',
      ts: '2025-10-12T10:00:00Z',
      tokens_in: 1000,
      tokens_out: 1000,
    },
    {
      provider_id: 'gemini',
      tool: 'gemini.chat',
      ts: '2025-10-12T11:00:00Z',
      tokens_in: 1000,
      cost_estimated_usd: 9.6,
    },
    {
      provider_id: 'claude',
      tool: 'claude.chat',
      ts: '2025-10-12T12:00:00Z',
      tokens_in: 500,
      tokens_out: 100,
    },
  ]);
});

afterEach(() => store.close());

async function costs(): Promise<(bigint | null)[]> {
  return (await collectEvents(store)).map((event) => event.cost_nanos);
}

describe('store prices', () => {
  it('uses a reported cost as given and leaves events without cost or price unpriced', async () => {
    const events = await collectEvents(store);

    expect(events.map((event) => [event.cost_estimated_usd, event.cost_nanos])).toEqual([
      [null, null],
      [9.6, 9_600_000_000n],
      [null, null],
    ]);
    const [day] = await store.dailyTotals({});
    expect([day?.cost_nanos, day?.unpriced_events, day?.tokens_in]).toEqual([
      9_600_000_000n,
      2,
      2500,
    ]);
  });

  it('re-prices stored events without a reported cost when an entry is added', async () => {
    const added = await store.addPrice(geminiSample);

    expect(added).toEqual({
      id: 1,
      provider_id: 'gemini',
      model: null,
      input_cost_per_1k: 0.0025,
      output_cost_per_1k: 0.0035,
      cache_read_cost_per_1k: null,
      cache_write_cost_per_1k: null,
      effective_at: null,
    });
    expect(await costs()).toEqual([6_000_000n, 9_600_000_000n, null]);
    const [day] = await store.dailyTotals({});
    expect([day?.cost_nanos, day?.unpriced_events]).toEqual([9_606_000_000n, 1]);
  });

  it('prices an event with the entry in force at its instant, not a later one', async () => {
    await store.addPrice(geminiSample);
    await store.addPrice(geminiFromOct15);
    await ingestValue(store, [
      {
        provider_id: 'gemini',
        tool: 'gemini.chat',
        ts: '2025-10-16T10:00:00Z',
        tokens_in: 1000,
        tokens_out: 1000,
      },
    ]);

    expect(await costs()).toEqual([6_000_000n, 9_600_000_000n, null, 5_000_000n]);
  });

  it('falls back to the cheapest entry when the one in force is removed, then unprices', async () => {
    const undated = await store.addPrice(geminiSample);
    const dated = await store.addPrice(geminiFromOct15);

    expect(await store.removePrice(undated.id)).toBe(true);
    expect(await costs()).toEqual([5_000_000n, 9_600_000_000n, null]);

    expect(await store.removePrice(dated.id)).toBe(true);
    expect(await costs()).toEqual([null, 9_600_000_000n, null]);
  });

  it('prices an event ingested after the entry exists', async () => {
    await store.addPrice({
      provider_id: 'claude',
      model: 'claude.chat',
      input_cost_per_1k: 0.003,
      output_cost_per_1k: 0.015,
    });

    expect(await costs()).toEqual([null, 9_600_000_000n, 3_000_000n]);
  });

  it('lists the entries with effective_at as epoch milliseconds', async () => {
    await store.addPrice(geminiSample);
    await store.addPrice(geminiFromOct15);

    expect(await store.listPrices()).toEqual([
      {
        id: 1,
        provider_id: 'gemini',
        model: null,
        input_cost_per_1k: 0.0025,
        output_cost_per_1k: 0.0035,
        cache_read_cost_per_1k: null,
        cache_write_cost_per_1k: null,
        effective_at: null,
      },
      {
        id: 2,
        provider_id: 'gemini',
        model: null,
        input_cost_per_1k: 0.004,
        output_cost_per_1k: 0.001,
        cache_read_cost_per_1k: null,
        cache_write_cost_per_1k: null,
        effective_at: Date.parse('2025-10-15T00:00:00Z'),
      },
    ]);
  });

  it('answers false when removing an entry that does not exist', async () => {
    expect(await store.removePrice(42)).toBe(false);
  });

  it.each([0, -1, 1.5])('throws STORE_INVALID_PRICE for the price id %d', async (id) => {
    await expect(store.removePrice(id)).rejects.toMatchObject({
      code: 'STORE_INVALID_PRICE',
      field: 'id',
    });
  });

  it('sums ten reported costs of 0.1 to exactly 1', async () => {
    const tenths = Array.from({ length: 10 }, (_, index) => ({
      provider_id: 'codex',
      tool: 'codex.cli',
      ts: `2025-10-20T0${index}:00:00Z`,
      cost_estimated_usd: 0.1,
    }));
    await ingestValue(store, tenths);

    const [day] = await store.dailyTotals({ providerIds: ['codex'] });

    expect(day?.cost_nanos).toBe(1_000_000_000n);
    expect(nanosToUsd(day?.cost_nanos ?? 0n)).toBe(1);
  });
});

describe('validatePriceEntry', () => {
  it('converts effective_at to epoch milliseconds and fills the defaults', () => {
    expect(
      validatePriceEntry({ provider_id: 'codex', effective_at: '2025-10-15T00:00:00-03:00' }),
    ).toEqual({
      provider_id: 'codex',
      model: null,
      input_cost_per_1k: null,
      output_cost_per_1k: null,
      cache_read_cost_per_1k: null,
      cache_write_cost_per_1k: null,
      effective_at: Date.parse('2025-10-15T03:00:00Z'),
    });
  });

  it('ignores the id of a listed entry given back as input', () => {
    expect(validatePriceEntry({ id: 7, provider_id: 'codex', input_cost_per_1k: 0.002 })).toEqual({
      provider_id: 'codex',
      model: null,
      input_cost_per_1k: 0.002,
      output_cost_per_1k: null,
      cache_read_cost_per_1k: null,
      cache_write_cost_per_1k: null,
      effective_at: null,
    });
  });

  it.each([
    [{ provider_id: 'codex', input_cost_per_1k: -0.1 }, 'input_cost_per_1k'],
    [{ provider_id: 'codex', output_cost_per_1k: -1 }, 'output_cost_per_1k'],
    [{ provider_id: 'codex', input_cost_per_1k: '0.1' }, 'input_cost_per_1k'],
    [{ provider_id: 'codex', output_cost_per_1k: Infinity }, 'output_cost_per_1k'],
    [{ provider_id: '' }, 'provider_id'],
    [{ provider_id: 7 }, 'provider_id'],
    [{}, 'provider_id'],
    [{ provider_id: 'codex', model: 5 }, 'model'],
    [{ provider_id: 'codex', model: '' }, 'model'],
    [{ provider_id: 'codex', effective_at: 1761055200000 }, 'effective_at'],
    [{ provider_id: 'codex', effective_at: 'soon' }, 'effective_at'],
    [{ provider_id: 'codex', effective_at: '2025-02-30T00:00:00Z' }, 'effective_at'],
    [{ provider_id: 'codex', inputCostPer1k: 0.1 }, 'inputCostPer1k'],
    [null, 'price'],
  ])('throws STORE_INVALID_PRICE for %j naming %s', (input, field) => {
    expect(() => validatePriceEntry(input as PriceEntryInput)).toThrow(
      expect.objectContaining({ name: 'StoreError', code: 'STORE_INVALID_PRICE', field }),
    );
  });

  it.each([
    [
      { provider_id: 'codex', effective_at: '2025-02-30T00:00:00Z' },
      'effective_at: impossible date 2025-02-30',
    ],
    [
      { provider_id: 'codex', input_cost_per_1k: -1 },
      'input_cost_per_1k: Too small: expected number to be >=0',
    ],
    [
      { provider_id: 'codex', input_cost_per_1K: 0.1 },
      'input_cost_per_1K: is not a price entry field',
    ],
  ])('says what was wrong with %j', (input, message) => {
    expect(() => validatePriceEntry(input as PriceEntryInput)).toThrow(
      `invalid price entry: ${message}`,
    );
  });

  it('refuses a bad entry through addPrice without storing it', async () => {
    const store = openStore(':memory:');

    await expect(
      store.addPrice({ provider_id: 'codex', input_cost_per_1k: -1 }),
    ).rejects.toMatchObject({
      code: 'STORE_INVALID_PRICE',
      field: 'input_cost_per_1k',
    });
    expect(await store.listPrices()).toEqual([]);
    await store.close();
  });
});
