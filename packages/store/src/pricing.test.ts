import { describe, expect, it } from 'vitest';
import type { PriceEntry } from './price-entry.js';
import { priceEvent, type PricingSubject } from './pricing.js';

const OCT_01 = Date.parse('2025-10-01T00:00:00Z');
const OCT_10 = Date.parse('2025-10-10T00:00:00Z');
const OCT_12 = Date.parse('2025-10-12T00:00:00Z');
const OCT_15 = Date.parse('2025-10-15T00:00:00Z');

function entry(id: number, fields: Partial<PriceEntry>): PriceEntry {
  return {
    id,
    provider_id: 'gemini',
    model: null,
    input_cost_per_1k: null,
    output_cost_per_1k: null,
    cache_read_cost_per_1k: null,
    cache_write_cost_per_1k: null,
    effective_at: null,
    ...fields,
  };
}

function subject(fields: Partial<PricingSubject> = {}): PricingSubject {
  return {
    ts: OCT_12,
    provider_id: 'gemini',
    tool: 'gemini.chat',
    tokens_in: 1000,
    tokens_out: 1000,
    ...fields,
  };
}

const sample = entry(1, { input_cost_per_1k: 0.0025, output_cost_per_1k: 0.0035 });
const proModel = entry(2, {
  model: 'gemini.pro',
  input_cost_per_1k: 0.01,
  output_cost_per_1k: 0.02,
});
const fromOct10 = entry(3, {
  input_cost_per_1k: 0.003,
  output_cost_per_1k: 0.005,
  effective_at: OCT_10,
});
const fromOct15 = entry(4, {
  input_cost_per_1k: 0.004,
  output_cost_per_1k: 0.001,
  effective_at: OCT_15,
});

describe('priceEvent', () => {
  it('prices tokens_in/1000 × input + tokens_out/1000 × output in nanos', () => {
    expect(priceEvent(subject({ tokens_in: 4200, tokens_out: 1900 }), [sample])).toBe(17_150_000n);
  });

  it.each([
    ['gemini.pro', 30_000_000n],
    ['gemini.chat', 6_000_000n],
  ])('prefers the entry of the exact model for %s', (tool, nanos) => {
    expect(priceEvent(subject({ tool }), [sample, proModel])).toBe(nanos);
  });

  it('prefers an exact model over a null model that took effect later', () => {
    const laterAnyModel = entry(5, {
      input_cost_per_1k: 1,
      output_cost_per_1k: 1,
      effective_at: OCT_10,
    });

    expect(priceEvent(subject({ tool: 'gemini.pro' }), [proModel, laterAnyModel])).toBe(
      30_000_000n,
    );
  });

  it.each([
    ['before any dated entry, the undated one', OCT_01, [sample, fromOct10, fromOct15], 6_000_000n],
    [
      'between two dated entries, the earlier one',
      OCT_12,
      [sample, fromOct10, fromOct15],
      8_000_000n,
    ],
    [
      'at the instant an entry takes effect, that entry',
      OCT_15,
      [sample, fromOct10, fromOct15],
      5_000_000n,
    ],
    ['after both, the latest one', OCT_15 + 86_400_000, [fromOct15, fromOct10, sample], 5_000_000n],
  ])('applies %s', (_case, ts, entries, nanos) => {
    expect(priceEvent(subject({ ts }), entries)).toBe(nanos);
  });

  it('falls back to the cheapest input and output prices when no entry is in force', () => {
    expect(priceEvent(subject({ ts: OCT_01 }), [fromOct10, fromOct15])).toBe(4_000_000n);
  });

  it('falls back to the cheapest prices of the provider when no entry matches the model', () => {
    const otherModel = entry(6, {
      model: 'gemini.flash',
      input_cost_per_1k: 0.01,
      output_cost_per_1k: 0.01,
    });

    expect(priceEvent(subject({ tool: 'gemini.pro' }), [otherModel])).toBe(20_000_000n);
  });

  it('breaks a tie between equally dated entries by the newest id', () => {
    const newer = entry(9, { input_cost_per_1k: 0.001, output_cost_per_1k: 0.001 });

    expect(priceEvent(subject(), [sample, newer])).toBe(2_000_000n);
  });

  it.each([
    ['no entry of its provider', subject({ provider_id: 'claude' }), [sample]],
    ['no entry at all', subject(), []],
    ['input tokens but no input price', subject(), [entry(7, { output_cost_per_1k: 0.001 })]],
  ])('leaves an event with %s unpriced', (_case, event, entries) => {
    expect(priceEvent(event, entries)).toBeNull();
  });

  it('prices a side without tokens at zero even without a price for it', () => {
    expect(priceEvent(subject({ tokens_in: 0 }), [entry(8, { output_cost_per_1k: 0.001 })])).toBe(
      1_000_000n,
    );
  });

  it('rounds to the nearest nano, half away from zero', () => {
    const tiny = entry(10, { input_cost_per_1k: 0.0000015, output_cost_per_1k: 0.0000014 });

    expect(priceEvent(subject({ tokens_in: 1, tokens_out: 0 }), [tiny])).toBe(2n);
    expect(priceEvent(subject({ tokens_in: 0, tokens_out: 1 }), [tiny])).toBe(1n);
  });
});

describe('priceEvent with a cache split', () => {
  const subject = (read: number, write: number): PricingSubject => ({
    ts: OCT_12,
    provider_id: 'gemini',
    tool: 'gemini.chat',
    tokens_in: 10_000,
    tokens_out: 1_000,
    cache_read_tokens: read,
    cache_write_tokens: write,
  });

  it('prices cache reads and writes at their own prices', () => {
    const entries = [
      entry(1, {
        input_cost_per_1k: 3,
        output_cost_per_1k: 15,
        cache_read_cost_per_1k: 0.3,
        cache_write_cost_per_1k: 3.75,
      }),
    ];

    // 2,000 fresh × 3 + 6,000 read × 0.3 + 2,000 written × 3.75 + 1,000 out × 15, per 1k tokens
    expect(priceEvent(subject(6_000, 2_000), entries)).toBe(30_300_000_000n);
  });

  it('prices cached tokens as plain input when the entry has no cache prices', () => {
    const entries = [entry(1, { input_cost_per_1k: 3, output_cost_per_1k: 15 })];

    expect(priceEvent(subject(6_000, 2_000), entries)).toBe(priceEvent(subject(0, 0), entries));
    expect(priceEvent(subject(0, 0), entries)).toBe(45_000_000_000n);
  });
});
