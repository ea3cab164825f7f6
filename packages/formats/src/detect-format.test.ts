import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';

const openRouterHeader =
  'generation_id,created_at,cost_total,cost_web_search,cost_cache,tokens_prompt,model_permaslug';

describe('detectFormat', () => {
  it.each([
    ['OTLP traces', { resourceSpans: [] }, 'otlp'],
    [
      'a Claude Code assistant line',
      { sessionId: 's-1', type: 'assistant', message: { usage: { input_tokens: 1 } } },
      'claude-code',
    ],
    [
      'a Claude Code summary line',
      { type: 'summary', summary: 'x', leafUuid: 'u-1' },
      'claude-code',
    ],
    [
      'a Claude Code snapshot line',
      { type: 'file-history-snapshot', messageId: 'u-1', snapshot: {} },
      'claude-code',
    ],
    ['LiteLLM spend logs', [{ request_id: 'r', call_type: '', spend: 0 }], 'litellm'],
    [
      'a LiteLLM logging payload',
      { id: 'x', response_cost: 0.1, startTime: 1741687200.5 },
      'litellm',
    ],
    [
      'an OpenAI usage page',
      { object: 'page', data: [{ object: 'bucket', start_time: 1741564800, results: [] }] },
      'openai-usage',
    ],
    ['an empty OpenAI usage page', { object: 'page', data: [] }, 'openai-usage'],
    [
      'Langfuse observations',
      { data: [{ id: 'o', traceId: 't', type: 'GENERATION' }], meta: {} },
      'langfuse',
    ],
    ['a Langfuse observation line', { id: 'o', traceId: 't', type: 'SPAN' }, 'langfuse'],
    ['Helicone requests', [{ request_id: 'r', request_created_at: 'x', delay_ms: 1 }], 'helicone'],
    [
      'an Anthropic usage report',
      { data: [{ starting_at: '2025-03-10T00:00:00Z', results: [] }], has_more: false },
      'anthropic-usage',
    ],
  ])('detects %s', (_name, sample, format) => {
    expect(detectFormat(sample)).toBe(format);
  });

  it.each([
    ['OpenRouter', openRouterHeader, 'openrouter'],
    ['OpenAI usage', 'start_time,end_time,project_id,num_model_requests,model', 'openai-usage'],
    ['OpenAI costs', 'start_time,end_time,amount_value,amount_currency,line_item', 'openai-usage'],
    ['Helicone', 'request_id,request_created_at,provider,delay_ms', 'helicone'],
    ['LiteLLM', '"request_id","call_type","spend","startTime"', 'litellm'],
  ])('detects a %s CSV header', (_name, header, format) => {
    expect(detectFormat(header)).toBe(format);
  });

  it.each([
    ['our own event', { provider_id: 'codex', tool: 'cli', ts: '2025-10-21T14:00:00Z' }],
    ['a dataset document', { events: [{ provider_id: 'codex', tool: 'cli' }] }],
    ['an unknown CSV header', 'date,amount,note'],
    ['a number', 42],
    ['nothing', undefined],
  ])('finds no format in %s', (_name, sample) => {
    expect(detectFormat(sample)).toBeNull();
  });
});
