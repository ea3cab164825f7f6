import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from './_testing.js';
import { readLiteLlmPriceMap } from './litellm-price-map.js';

const priceMap = JSON.parse(readFileSync(fixturePath('litellm-prices.json'), 'utf8')) as unknown;

describe('readLiteLlmPriceMap', () => {
  it('turns per-token prices into exact per-1k price entries, skipping what has none', () => {
    expect(readLiteLlmPriceMap(priceMap)).toEqual({
      entries: [
        {
          provider_id: 'openai',
          model: 'gpt-4o-mini',
          input_cost_per_1k: 0.00015,
          output_cost_per_1k: 0.0006,
          cache_read_cost_per_1k: 0.000075,
          cache_write_cost_per_1k: null,
          effective_at: null,
        },
        {
          provider_id: 'anthropic',
          model: 'claude-sonnet-4-5-20250929',
          input_cost_per_1k: 0.003,
          output_cost_per_1k: 0.015,
          cache_read_cost_per_1k: 0.0003,
          cache_write_cost_per_1k: 0.00375,
          effective_at: null,
        },
        {
          provider_id: 'openai',
          model: 'text-embedding-3-small',
          input_cost_per_1k: 0.00002,
          output_cost_per_1k: 0,
          cache_read_cost_per_1k: null,
          cache_write_cost_per_1k: null,
          effective_at: null,
        },
      ],
      skipped: { 'litellm: no token price': 1, 'litellm: no provider': 1 },
    });
  });

  it('names the model and field of a price that is not a non-negative number', () => {
    const broken = {
      'gpt-4o-mini': { litellm_provider: 'openai', input_cost_per_token: '1.5e-7' },
    };

    expect(() => readLiteLlmPriceMap(broken)).toThrow(
      expect.objectContaining({
        code: 'FORMAT_INVALID_PRICE_MAP',
        field: 'input_cost_per_token',
        message: [
          'LiteLLM price map: "gpt-4o-mini": input_cost_per_token:',
          'Invalid input: expected number, received string',
        ].join(' '),
      }),
    );
  });

  it('refuses a document that is not an object of models', () => {
    expect(() => readLiteLlmPriceMap([])).toThrow(
      expect.objectContaining({ code: 'FORMAT_INVALID_PRICE_MAP' }),
    );
  });
});
