import { describe, expect, it } from 'vitest';
import { importedFields, importFixture, openPricedStore, readEvents } from './_testing.js';

const embeddingPrice = {
  provider_id: 'openai',
  model: 'text-embedding-3-small',
  input_cost_per_1k: 0.00002,
  output_cost_per_1k: 0,
};

const source = { source_file: 'langfuse-observations.json', line_number: 1 };

describe('readLangfuseRecords', () => {
  it('imports generations and embeddings, costed by costDetails and not by prices', async () => {
    const store = await openPricedStore([embeddingPrice]);

    const result = await importFixture(store, 'langfuse', 'langfuse-observations.json');

    expect(result).toEqual({
      format: 'langfuse',
      inserted: 3,
      duplicates: 0,
      rejected: 0,
      rejections: [],
      skipped: { 'langfuse: SPAN observation': 1, 'langfuse: EVENT observation': 1 },
    });
    expect(await readEvents(store)).toEqual([
      {
        ...importedFields,
        ...source,
        seq: 1,
        ts: '2025-03-10T12:30:00.120Z',
        provider_id: 'openai',
        tool: 'gpt-4o-2024-08-06',
        route: 'draft-reply',
        // input 900 + input_cached_tokens 1,024: the sum of the input keys, as Langfuse shows it
        tokens_in: 1924,
        tokens_out: 210,
        duration_ms: 2400,
        status: 'success',
        cost_estimated_usd: 0.00563,
        cost_nanos: 5_630_000n,
        metadata: {
          observation_id: 'obs-0001',
          trace_id: 'trace-0001',
          parent_observation_id: 'span-0001',
          type: 'GENERATION',
          name: 'draft-reply',
          level: 'DEFAULT',
          prompt_name: 'reply-v2',
          prompt_version: '3',
          usage_details: {
            input: 900,
            input_cached_tokens: 1024,
            output: 210,
            output_reasoning_tokens: 0,
            total: 2134,
          },
          cost_details: {
            input: 0.00225,
            input_cached_tokens: 0.00128,
            output: 0.0021,
            total: 0.00563,
          },
          prompt_tokens: 1924,
          cache_read_tokens: 1024,
          time_to_first_token_ms: 580,
          observation_metadata: { feature: 'support' },
        },
      },
      {
        ...importedFields,
        ...source,
        seq: 2,
        ts: '2025-03-11T12:31:00Z',
        provider_id: 'anthropic',
        tool: 'claude-3-5-haiku-20241022',
        route: 'classify',
        tokens_in: 0,
        tokens_out: 0,
        duration_ms: 5000,
        status: 'error',
        cost_estimated_usd: null,
        cost_nanos: null,
        metadata: {
          observation_id: 'obs-0002',
          trace_id: 'trace-0002',
          type: 'GENERATION',
          name: 'classify',
          level: 'ERROR',
          status_message: 'timeout after 5s',
        },
      },
      {
        ...importedFields,
        ...source,
        seq: 3,
        ts: '2025-03-11T12:32:00Z',
        provider_id: 'openai',
        tool: 'text-embedding-3-small',
        route: 'embed-query',
        tokens_in: 64,
        tokens_out: 0,
        duration_ms: 125,
        status: 'success',
        cost_estimated_usd: null,
        // no reported cost: 64 × 0.00002 / 1000, priced by the store
        cost_nanos: 1280n,
        metadata: {
          observation_id: 'obs-0003',
          trace_id: 'trace-0003',
          type: 'EMBEDDING',
          name: 'embed-query',
          level: 'DEFAULT',
          usage_details: { input: 64, total: 64 },
        },
      },
    ]);
  });

  it('adds nothing when the same export is imported again', async () => {
    const store = await openPricedStore();
    await importFixture(store, 'langfuse', 'langfuse-observations.json');

    const again = await importFixture(store, 'langfuse', 'langfuse-observations.json');

    expect(again).toMatchObject({ inserted: 0, duplicates: 3, rejected: 0 });
  });
});
