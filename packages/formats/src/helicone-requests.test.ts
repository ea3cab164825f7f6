import { describe, expect, it } from 'vitest';
import { importedFields, importFixture, openPricedStore, readEvents } from './_testing.js';

const jsonl = 'helicone-export.jsonl';
const csv = 'helicone-export.csv';

describe('readHeliconeRecords', () => {
  it('imports JSONL: providers lower-cased, 2xx as success, ClickHouse cost ÷ 1e9', async () => {
    const store = await openPricedStore();

    const result = await importFixture(store, 'helicone', jsonl);

    expect(result).toEqual({
      format: 'helicone',
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
        ts: '2025-03-10T13:30:00.120Z',
        provider_id: 'openai',
        tool: 'gpt-4o-mini-2024-07-18',
        route: '/v1/chat/completions',
        tokens_in: 1200,
        tokens_out: 85,
        duration_ms: 1400,
        status: 'success',
        cost_estimated_usd: 0.000207,
        cost_nanos: 207_000n,
        metadata: {
          request_id: '6f1c0000-0000-4000-8000-000000000001',
          response_id: '7a2d0000-0000-4000-8000-000000000001',
          request_path: '/v1/chat/completions',
          request_user_id: 'user-17',
          properties: { feature: 'invoices' },
          response_status: 200,
          request_model: 'gpt-4o-mini',
          time_to_first_token_ms: 310,
          country_code: 'BR',
          cache_read_tokens: 1024,
          cache_write_tokens: 0,
        },
        source_file: jsonl,
        line_number: 1,
      },
      {
        ...importedFields,
        seq: 2,
        ts: '2025-03-10T13:31:00Z',
        provider_id: 'anthropic',
        tool: 'claude-3-5-haiku-20241022',
        route: '/v1/messages',
        tokens_in: 0,
        tokens_out: 0,
        duration_ms: 30_004,
        status: 'error',
        cost_estimated_usd: null,
        cost_nanos: null,
        metadata: {
          request_id: '6f1c0000-0000-4000-8000-000000000002',
          request_path: '/v1/messages',
          response_status: 529,
        },
        source_file: jsonl,
        line_number: 2,
      },
      {
        ...importedFields,
        seq: 3,
        ts: '2025-03-11T13:45:00Z',
        provider_id: 'openai',
        tool: 'text-embedding-3-small',
        route: '/v1/embeddings',
        tokens_in: 64,
        tokens_out: 0,
        duration_ms: 95,
        status: 'success',
        // ClickHouse `cost` 1280 is USD × 1e9
        cost_estimated_usd: 0.00000128,
        cost_nanos: 1280n,
        metadata: {
          request_id: '6f1c0000-0000-4000-8000-000000000003',
          request_path: '/v1/embeddings',
          response_status: 200,
        },
        source_file: jsonl,
        line_number: 3,
      },
    ]);
  });

  it('imports CSV rows with JSON-text properties and float-typed counts', async () => {
    const store = await openPricedStore();

    await importFixture(store, 'helicone', csv);

    expect(await readEvents(store)).toEqual([
      {
        ...importedFields,
        seq: 1,
        ts: '2025-03-11T15:00:00Z',
        provider_id: 'openai',
        tool: 'gpt-4o-mini-2024-07-18',
        route: '/v1/chat/completions',
        tokens_in: 700,
        tokens_out: 35,
        duration_ms: 850,
        status: 'success',
        cost_estimated_usd: 0.000126,
        cost_nanos: 126_000n,
        metadata: {
          request_id: '6f1c0000-0000-4000-8000-000000000004',
          request_path: '/v1/chat/completions',
          request_user_id: 'user-21',
          properties: { feature: 'search', team: 'growth' },
          response_status: 201,
          request_model: 'gpt-4o-mini',
          cache_read_tokens: 0,
        },
        source_file: csv,
        line_number: 2,
      },
    ]);
  });

  it('adds nothing when the same exports are imported again', async () => {
    const store = await openPricedStore();
    await importFixture(store, 'helicone', jsonl);
    await importFixture(store, 'helicone', csv);

    const again = [
      await importFixture(store, 'helicone', jsonl),
      await importFixture(store, 'helicone', csv),
    ];

    expect(again.map(({ inserted, duplicates }) => [inserted, duplicates])).toEqual([
      [0, 3],
      [0, 1],
    ]);
  });
});
