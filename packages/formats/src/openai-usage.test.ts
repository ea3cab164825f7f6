import { describe, expect, it } from 'vitest';
import { importedFields, importFixture, openPricedStore, readEvents } from './_testing.js';

const miniPrice = {
  provider_id: 'openai',
  model: 'gpt-4o-mini-2024-07-18',
  input_cost_per_1k: 0.00015,
  output_cost_per_1k: 0.0006,
  cache_read_cost_per_1k: 0.000075,
};

const bucket = { bucket_start: '2025-03-10T00:00:00Z', bucket_end: '2025-03-11T00:00:00Z' };

describe('readOpenAiUsageRecords', () => {
  it('imports each bucket × group as an aggregate event with its request count', async () => {
    const store = await openPricedStore([miniPrice]);

    const result = await importFixture(store, 'openai-usage', 'openai-usage.json');

    expect(result).toEqual({
      format: 'openai-usage',
      inserted: 2,
      duplicates: 0,
      rejected: 0,
      rejections: [],
      skipped: { 'openai-usage: empty bucket': 1 },
    });
    expect(await readEvents(store)).toEqual([
      {
        ...importedFields,
        seq: 1,
        ts: '2025-03-10T00:00:00Z',
        provider_id: 'openai',
        tool: 'gpt-4o-mini-2024-07-18',
        route: 'proj_fixture01',
        tokens_in: 52_000,
        tokens_out: 9100,
        duration_ms: 0,
        status: 'success',
        cost_estimated_usd: null,
        // (31,520 × 0.00015 + 20,480 cached × 0.000075 + 9,100 × 0.0006) / 1000
        cost_nanos: 11_724_000n,
        metadata: {
          aggregate: true,
          request_count: 41,
          usage_kind: 'completions',
          ...bucket,
          project_id: 'proj_fixture01',
          model: 'gpt-4o-mini-2024-07-18',
          batch: false,
          service_tier: 'default',
          cache_read_tokens: 20_480,
        },
        source_file: 'openai-usage.json',
        line_number: 1,
      },
      {
        ...importedFields,
        seq: 2,
        ts: '2025-03-10T00:00:00Z',
        provider_id: 'openai',
        tool: 'o3-mini-2025-01-31',
        route: 'proj_fixture01',
        tokens_in: 8000,
        tokens_out: 15_000,
        duration_ms: 0,
        status: 'success',
        cost_estimated_usd: null,
        // no entry for this model: the provider's cheapest prices apply (SPEC §3)
        cost_nanos: 10_200_000n,
        metadata: {
          aggregate: true,
          request_count: 3,
          usage_kind: 'completions',
          ...bucket,
          project_id: 'proj_fixture01',
          model: 'o3-mini-2025-01-31',
          batch: true,
          cache_read_tokens: 0,
        },
        source_file: 'openai-usage.json',
        line_number: 1,
      },
    ]);
  });

  it('reads the dashboard CSV: float counts, FALSE flags, empty buckets skipped', async () => {
    const store = await openPricedStore([miniPrice]);

    const result = await importFixture(store, 'openai-usage', 'openai-usage.csv');

    expect(result.skipped).toEqual({ 'openai-usage: empty bucket': 1 });
    expect(await readEvents(store)).toEqual([
      {
        ...importedFields,
        seq: 1,
        ts: '2025-03-10T00:00:00Z',
        provider_id: 'openai',
        tool: 'gpt-4o-mini-2024-07-18',
        route: 'proj_fixture01',
        tokens_in: 52_000,
        tokens_out: 9100,
        duration_ms: 0,
        status: 'success',
        cost_estimated_usd: null,
        cost_nanos: 11_724_000n,
        metadata: {
          aggregate: true,
          request_count: 41,
          usage_kind: 'usage',
          ...bucket,
          project_id: 'proj_fixture01',
          user_id: 'user-fixture01',
          api_key_id: 'key_fixture01',
          model: 'gpt-4o-mini-2024-07-18',
          batch: false,
          service_tier: 'default',
          cache_read_tokens: 20_480,
        },
        source_file: 'openai-usage.csv',
        line_number: 2,
      },
    ]);
  });

  it('imports cost pages as aggregate events that carry the cost and no tokens', async () => {
    const store = await openPricedStore([miniPrice]);

    await importFixture(store, 'openai-usage', 'openai-costs.json');

    const events = await readEvents(store);
    expect(
      events.map(({ tool, route, tokens_in, cost_nanos, metadata }) => ({
        tool,
        route,
        tokens_in,
        cost_nanos,
        metadata,
      })),
    ).toEqual([
      {
        tool: 'gpt-4o-mini-2024-07-18, input',
        route: 'proj_fixture01',
        tokens_in: 0,
        cost_nanos: 60_000_000n,
        metadata: {
          aggregate: true,
          usage_kind: 'costs',
          ...bucket,
          project_id: 'proj_fixture01',
          line_item: 'gpt-4o-mini-2024-07-18, input',
        },
      },
      {
        tool: 'Image models',
        route: null,
        tokens_in: 0,
        cost_nanos: 120_000_000n,
        metadata: { aggregate: true, usage_kind: 'costs', ...bucket, line_item: 'Image models' },
      },
    ]);
  });

  it('adds nothing when the same pages are imported again', async () => {
    const store = await openPricedStore();
    const files = ['openai-usage.json', 'openai-usage.csv', 'openai-costs.json'];
    for (const file of files) await importFixture(store, 'openai-usage', file);

    const again = [];
    for (const file of files) again.push(await importFixture(store, 'openai-usage', file));

    expect(again.map(({ inserted, duplicates }) => [inserted, duplicates])).toEqual([
      [0, 2],
      [0, 1],
      [0, 2],
    ]);
  });
});
