import { describe, expect, it } from 'vitest';
import { importedFields, importFixture, openPricedStore, readEvents } from './_testing.js';

const source = 'openrouter-activity.csv';

describe('readOpenRouterRecords', () => {
  it('reads rows by header name, a naive created_at as UTC, cancelled as cancelled', async () => {
    const store = await openPricedStore();

    const result = await importFixture(store, 'openrouter', source);

    expect(result).toEqual({
      format: 'openrouter',
      inserted: 3,
      duplicates: 0,
      rejected: 0,
      rejections: [],
      skipped: {},
    });
    expect(await readEvents(store)).toEqual([
      {
        ...importedFields,
        seq: 1,
        ts: '2025-03-10T10:30:00.123Z',
        provider_id: 'openrouter',
        tool: 'openai/gpt-4o-mini-2024-07-18',
        route: 'invoice-bot',
        tokens_in: 1800,
        tokens_out: 120,
        duration_ms: 1400,
        status: 'success',
        cost_estimated_usd: 0.00041,
        cost_nanos: 410_000n,
        metadata: {
          generation_id: 'gen-1741602600-fixtureAAAA',
          upstream_provider: 'OpenAI',
          model_variant: 'standard',
          streamed: true,
          finish_reason: 'stop',
          finish_reason_raw: 'stop',
          cache_read_tokens: 1024,
          reasoning_tokens: 0,
          cost_total: 0.00041,
          cost_cache: -0.00002,
          time_to_first_token_ms: 380,
          api_key_name: 'ci-key',
          app_name: 'invoice-bot',
        },
        source_file: source,
        line_number: 2,
      },
      {
        ...importedFields,
        seq: 2,
        ts: '2025-03-10T10:31:00.456Z',
        provider_id: 'openrouter',
        tool: 'meta-llama/llama-3.3-70b-instruct',
        route: 'invoice-bot',
        tokens_in: 400,
        tokens_out: 0,
        duration_ms: 0,
        status: 'cancelled',
        cost_estimated_usd: 0,
        cost_nanos: 0n,
        metadata: {
          generation_id: 'gen-1741602660-fixtureBBBB',
          upstream_provider: 'ExampleHost',
          model_variant: 'free',
          streamed: true,
          finish_reason: 'error',
          cache_read_tokens: 0,
          reasoning_tokens: 0,
          cost_total: 0,
          time_to_first_token_ms: 0,
          api_key_name: 'ci-key',
          app_name: 'invoice-bot',
        },
        source_file: source,
        line_number: 3,
      },
      {
        ...importedFields,
        seq: 3,
        ts: '2025-03-11T14:05:09Z',
        provider_id: 'openrouter',
        tool: 'anthropic/claude-3.5-haiku',
        route: 'ci-key',
        tokens_in: 2500,
        tokens_out: 300,
        duration_ms: 2100,
        status: 'success',
        // cost_total 0.00005 plus the BYOK inference estimate 0.001
        cost_estimated_usd: 0.00105,
        cost_nanos: 1_050_000n,
        metadata: {
          generation_id: 'gen-1741701909-fixtureCCCC',
          upstream_provider: 'Anthropic',
          model_variant: 'standard',
          streamed: false,
          finish_reason: 'stop',
          finish_reason_raw: 'end_turn',
          cache_read_tokens: 0,
          reasoning_tokens: 120,
          cost_total: 0.00005,
          byok_usage_inference: 0.001,
          time_to_first_token_ms: 650,
          api_key_name: 'ci-key',
        },
        source_file: source,
        line_number: 4,
      },
    ]);
  });

  it('adds nothing when the same export is imported again', async () => {
    const store = await openPricedStore();
    await importFixture(store, 'openrouter', source);

    const again = await importFixture(store, 'openrouter', source);

    expect(again).toMatchObject({ inserted: 0, duplicates: 3, rejected: 0 });
  });
});
