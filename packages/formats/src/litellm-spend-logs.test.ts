import { describe, expect, it } from 'vitest';
import { importedFields, importFixture, openPricedStore, readEvents } from './_testing.js';

// A price for every provider in the fixtures: reported costs, the failure's 0 included, must win.
const prices = [
  { provider_id: 'openai', model: null, input_cost_per_1k: 0.0025, output_cost_per_1k: 0.01 },
  { provider_id: 'anthropic', model: null, input_cost_per_1k: 0.003, output_cost_per_1k: 0.015 },
];

describe('readLiteLlmRecords', () => {
  it('imports /spend/logs rows with their reported spend, a failure at a real 0', async () => {
    const store = await openPricedStore(prices);

    const result = await importFixture(store, 'litellm', 'litellm-spend-logs.json');

    expect(result).toEqual({
      format: 'litellm',
      inserted: 2,
      duplicates: 0,
      rejected: 0,
      rejections: [],
      skipped: {},
    });
    expect(await readEvents(store)).toEqual([
      {
        ...importedFields,
        seq: 1,
        ts: '2025-03-10T10:00:00.120Z',
        provider_id: 'anthropic',
        tool: 'claude-sonnet-4-5-20250929',
        route: 'smart-default',
        tokens_in: 2000,
        tokens_out: 130,
        duration_ms: 2750,
        status: 'success',
        cost_estimated_usd: 0.0042,
        cost_nanos: 4_200_000n,
        metadata: {
          request_id: 'chatcmpl-fixture-0001',
          call_type: 'acompletion',
          model_group: 'smart-default',
          model_id: 'dep-01',
          api_base: 'https://api.anthropic.example/v1/messages',
          user: 'user-17',
          team_id: 'team-a',
          key_alias: 'svc-billing',
          request_tags: ['env:prod', 'feature:invoices'],
          cache_hit: false,
          spend_logs_metadata: { job: 'nightly-report' },
          cache_read_tokens: 1536,
        },
        source_file: 'litellm-spend-logs.json',
        line_number: 1,
      },
      {
        ...importedFields,
        seq: 2,
        ts: '2025-03-10T10:01:00Z',
        provider_id: 'openai',
        tool: 'gpt-4o',
        route: 'smart-default',
        tokens_in: 0,
        tokens_out: 0,
        duration_ms: 30_004,
        status: 'error',
        cost_estimated_usd: 0,
        cost_nanos: 0n,
        metadata: {
          request_id: 'b1f0c2de-0002-fixture',
          model_group: 'smart-default',
          request_tags: [],
          error_code: '429',
          error_class: 'RateLimitError',
        },
        source_file: 'litellm-spend-logs.json',
        line_number: 2,
      },
    ]);
  });

  it('reads raw dumps (JSON-text metadata, naive times) and logging payloads', async () => {
    const store = await openPricedStore(prices);

    await importFixture(store, 'litellm', 'litellm-raw-dump.jsonl');

    expect(await readEvents(store)).toEqual([
      {
        ...importedFields,
        seq: 1,
        ts: '2025-03-11T08:15:00.250Z',
        provider_id: 'openai',
        tool: 'text-embedding-3-small',
        route: 'embed',
        tokens_in: 1000,
        tokens_out: 0,
        duration_ms: 160,
        status: 'success',
        cost_estimated_usd: 0.00002,
        cost_nanos: 20_000n,
        metadata: {
          request_id: 'chatcmpl-fixture-0003',
          call_type: 'aembedding',
          model_group: 'embed',
          key_alias: 'svc-search',
          request_tags: ['env:prod'],
          cache_hit: false,
          spend_logs_metadata: { job: 'reindex' },
        },
        source_file: 'litellm-raw-dump.jsonl',
        line_number: 1,
      },
      {
        ...importedFields,
        seq: 2,
        ts: '2025-03-11T10:00:00.500Z',
        provider_id: 'openai',
        tool: 'gpt-4o-mini',
        route: 'fast',
        tokens_in: 1500,
        tokens_out: 150,
        duration_ms: 1250,
        status: 'success',
        cost_estimated_usd: 0.000315,
        cost_nanos: 315_000n,
        metadata: {
          request_id: 'chatcmpl-fixture-0004',
          call_type: 'acompletion',
          model_group: 'fast',
          model_id: 'dep-02',
          api_base: 'https://api.openai.example/v1',
          team_id: 'team-b',
          key_alias: 'svc-chat',
          request_tags: ['feature:chat'],
          cache_hit: false,
          cache_read_tokens: 1024,
        },
        source_file: 'litellm-raw-dump.jsonl',
        line_number: 2,
      },
    ]);
  });

  it('adds nothing when the same files are imported again', async () => {
    const store = await openPricedStore();
    await importFixture(store, 'litellm', 'litellm-spend-logs.json');
    await importFixture(store, 'litellm', 'litellm-raw-dump.jsonl');

    const again = [
      await importFixture(store, 'litellm', 'litellm-spend-logs.json'),
      await importFixture(store, 'litellm', 'litellm-raw-dump.jsonl'),
    ];

    expect(again.map(({ inserted, duplicates }) => [inserted, duplicates])).toEqual([
      [0, 2],
      [0, 2],
    ]);
  });
});
