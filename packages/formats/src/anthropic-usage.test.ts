import { describe, expect, it } from 'vitest';
import { importedFields, importFixture, openPricedStore, readEvents } from './_testing.js';

const sonnetPrice = {
  provider_id: 'anthropic',
  model: 'claude-sonnet-4-5-20250929',
  input_cost_per_1k: 0.003,
  output_cost_per_1k: 0.015,
  cache_read_cost_per_1k: 0.0003,
  cache_write_cost_per_1k: 0.00375,
};

const bucket = { bucket_start: '2025-03-10T00:00:00Z', bucket_end: '2025-03-11T00:00:00Z' };

describe('readAnthropicUsageRecords', () => {
  it('imports usage rows as aggregate events, cache parts added to the input', async () => {
    const store = await openPricedStore([sonnetPrice]);

    const result = await importFixture(store, 'anthropic-usage', 'anthropic-usage.json');

    expect(result).toEqual({
      format: 'anthropic-usage',
      inserted: 1,
      duplicates: 0,
      rejected: 0,
      rejections: [],
      skipped: { 'anthropic-usage: empty bucket': 1 },
    });
    expect(await readEvents(store)).toEqual([
      {
        ...importedFields,
        seq: 1,
        ts: '2025-03-10T00:00:00Z',
        provider_id: 'anthropic',
        tool: 'claude-sonnet-4-5-20250929',
        route: 'wrkspc_fixture01',
        // 1,500 uncached + 60,000 cache reads + 4,000 (5m) + 1,000 (1h) cache writes
        tokens_in: 66_500,
        tokens_out: 2500,
        duration_ms: 0,
        status: 'success',
        cost_estimated_usd: null,
        // (1,500 × 0.003 + 60,000 × 0.0003 + 5,000 × 0.00375 + 2,500 × 0.015) / 1000
        cost_nanos: 78_750_000n,
        metadata: {
          aggregate: true,
          request_count: null,
          usage_kind: 'usage',
          ...bucket,
          model: 'claude-sonnet-4-5-20250929',
          workspace_id: 'wrkspc_fixture01',
          api_key_id: 'apikey_fixture01',
          service_tier: 'standard',
          context_window: '0-200k',
          input_tokens: 1500,
          cache_read_tokens: 60_000,
          cache_write_tokens: 5000,
          cache_write_5m_tokens: 4000,
          cache_write_1h_tokens: 1000,
        },
        source_file: 'anthropic-usage.json',
        line_number: 1,
      },
    ]);
  });

  it('reads cost report amounts as cents: "123.45" is 1.2345 USD', async () => {
    const store = await openPricedStore([sonnetPrice]);

    await importFixture(store, 'anthropic-usage', 'anthropic-cost.json');

    const events = await readEvents(store);
    expect(
      events.map(({ tool, route, tokens_in, cost_estimated_usd, cost_nanos }) => ({
        tool,
        route,
        tokens_in,
        cost_estimated_usd,
        cost_nanos,
      })),
    ).toEqual([
      {
        tool: 'claude-sonnet-4-5-20250929',
        route: 'wrkspc_fixture01',
        tokens_in: 0,
        cost_estimated_usd: 1.2345,
        cost_nanos: 1_234_500_000n,
      },
      {
        tool: 'Web Search Usage',
        route: null,
        tokens_in: 0,
        cost_estimated_usd: 0.075,
        cost_nanos: 75_000_000n,
      },
    ]);
    expect(events[0]?.metadata).toEqual({
      aggregate: true,
      request_count: null,
      usage_kind: 'cost',
      ...bucket,
      model: 'claude-sonnet-4-5-20250929',
      workspace_id: 'wrkspc_fixture01',
      service_tier: 'standard',
      context_window: '0-200k',
      cost_type: 'tokens',
      token_type: 'uncached_input_tokens',
      description: 'Claude Sonnet 4.5 Usage - Input Tokens',
    });
  });

  it('adds nothing when the same reports are imported again', async () => {
    const store = await openPricedStore();
    await importFixture(store, 'anthropic-usage', 'anthropic-usage.json');
    await importFixture(store, 'anthropic-usage', 'anthropic-cost.json');

    const again = [
      await importFixture(store, 'anthropic-usage', 'anthropic-usage.json'),
      await importFixture(store, 'anthropic-usage', 'anthropic-cost.json'),
    ];

    expect(again.map(({ inserted, duplicates }) => [inserted, duplicates])).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });
});
