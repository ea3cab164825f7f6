import { describe, expect, it } from 'vitest';
import { importedFields, importFixture, openPricedStore, readEvents } from './_testing.js';

const openAiPrice = {
  provider_id: 'openai',
  model: 'gpt-4o-mini-2024-07-18',
  input_cost_per_1k: 0.00015,
  output_cost_per_1k: 0.0006,
  cache_read_cost_per_1k: 0.000075,
};

const trace = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('readOtlpRecords', () => {
  it('yields exactly the two model calls an agent span wraps, skipping the rest', async () => {
    const store = await openPricedStore([openAiPrice]);

    const result = await importFixture(store, 'otlp', 'otlp-traces.jsonl');

    expect(result).toEqual({
      format: 'otlp',
      inserted: 2,
      duplicates: 0,
      rejected: 0,
      rejections: [],
      skipped: {
        'otlp: non-GenAI span': 2,
        'otlp: tool span': 1,
        'otlp: parent span of model calls': 1,
      },
    });
    expect(await readEvents(store)).toEqual([
      {
        ...importedFields,
        seq: 1,
        ts: '2025-03-10T09:00:00.123Z',
        provider_id: 'openai',
        tool: 'gpt-4o-mini-2024-07-18',
        route: 'billing-agent',
        tokens_in: 1200,
        tokens_out: 85,
        duration_ms: 1400,
        status: 'success',
        cost_estimated_usd: null,
        // (176 × 0.00015 + 1024 cached × 0.000075 + 85 × 0.0006) / 1000
        cost_nanos: 154_200n,
        metadata: {
          trace_id: trace,
          span_id: '00f067aa0ba902b7',
          parent_span_id: '53995c3f42cd8ad8',
          span_name: 'chat gpt-4o-mini',
          operation: 'chat',
          request_model: 'gpt-4o-mini',
          response_id: 'chatcmpl-fixture-01',
          finish_reasons: ['tool_calls'],
          input_tokens: 1200,
          cache_read_tokens: 1024,
          server_address: 'api.openai.example',
          service_name: 'billing-agent',
          service_version: '1.4.0',
          start_time_unix_nano: '1741597200123999999',
        },
        source_file: 'otlp-traces.jsonl',
        line_number: 1,
      },
      {
        ...importedFields,
        seq: 2,
        ts: '2025-03-10T09:00:02Z',
        provider_id: 'openai',
        tool: 'gpt-4o-mini',
        route: 'billing-agent',
        tokens_in: 300,
        tokens_out: 40,
        duration_ms: 1250,
        status: 'success',
        cost_estimated_usd: 0.000069,
        cost_nanos: 69_000n,
        metadata: {
          trace_id: trace,
          span_id: '3c4d5e6f708192a3',
          parent_span_id: '53995c3f42cd8ad8',
          span_name: 'chat gpt-4o-mini',
          operation: 'chat',
          input_tokens: 300,
          service_name: 'billing-agent',
          service_version: '1.4.0',
          start_time_unix_nano: '1741597202000000000',
        },
        source_file: 'otlp-traces.jsonl',
        line_number: 1,
      },
    ]);
  });

  it('adds nothing when the same file is imported again', async () => {
    const store = await openPricedStore();
    await importFixture(store, 'otlp', 'otlp-traces.jsonl');

    const again = await importFixture(store, 'otlp', 'otlp-traces.jsonl');

    expect(again).toMatchObject({ inserted: 0, duplicates: 2, rejected: 0 });
  });

  it('reads a document with base64 ids, enum names and additive cache counts', async () => {
    const store = await openPricedStore();

    const result = await importFixture(store, 'otlp', 'otlp-document.json');

    expect(result.skipped).toEqual({ 'otlp: non-GenAI span': 1 });
    expect(await readEvents(store)).toEqual([
      {
        ...importedFields,
        seq: 1,
        ts: '2025-03-11T09:00:00Z',
        provider_id: 'anthropic',
        tool: 'claude-sonnet-4-5',
        route: 'support-bot',
        tokens_in: 0,
        tokens_out: 0,
        duration_ms: 30_000,
        status: 'error',
        cost_estimated_usd: null,
        cost_nanos: null,
        metadata: {
          trace_id: '0af7651916cd43dd8448eb211c80319c',
          span_id: 'b7ad6b7169203331',
          span_name: 'chat claude-sonnet-4-5',
          operation: 'chat',
          error_type: 'overloaded_error',
          status_message: 'upstream overloaded',
          service_name: 'support-bot',
          start_time_unix_nano: '1741683600000000000',
        },
        source_file: 'otlp-document.json',
        line_number: 1,
      },
      {
        ...importedFields,
        seq: 2,
        ts: '2025-03-11T09:01:00Z',
        provider_id: 'anthropic',
        tool: 'claude-3-5-haiku-20241022',
        route: 'support-bot',
        // 3 uncached + 18,000 cache reads: the parts exceed input_tokens, so they were apart
        tokens_in: 18_003,
        tokens_out: 50,
        duration_ms: 2500,
        status: 'success',
        cost_estimated_usd: null,
        cost_nanos: null,
        metadata: {
          trace_id: '5c1f0e2d3b4a59687766554433221100',
          span_id: 'c0ffee0000000001',
          span_name: 'chat claude-3-5-haiku',
          operation: 'chat',
          input_tokens: 3,
          cache_read_tokens: 18_000,
          service_name: 'support-bot',
          start_time_unix_nano: '1741683660000000000',
        },
        source_file: 'otlp-document.json',
        line_number: 1,
      },
    ]);
  });
});
