import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFinops, useTempDir } from './_cli.js';

/** A slice of LiteLLM's model price map, in its shape, with neutral values. */
const priceMap = {
  sample_spec: {
    input_cost_per_token: 0,
    output_cost_per_token: 0,
    litellm_provider: 'see docs',
    mode: 'chat',
  },
  'gpt-4o-mini': {
    input_cost_per_token: 1.5e-7,
    output_cost_per_token: 6e-7,
    cache_read_input_token_cost: 7.5e-8,
    litellm_provider: 'openai',
    mode: 'chat',
  },
  'claude-sonnet-4-5-20250929': {
    input_cost_per_token: 3e-6,
    output_cost_per_token: 0.000015,
    cache_creation_input_token_cost: 3.75e-6,
    cache_read_input_token_cost: 3e-7,
    litellm_provider: 'anthropic',
    mode: 'chat',
  },
  'dall-e-3': { input_cost_per_pixel: 4e-8, litellm_provider: 'openai', mode: 'image_generation' },
};

describe('finops prices import --from litellm', () => {
  const temp = useTempDir('prices-litellm');
  let count = 0;
  const nextDb = () => join(temp.dir, `litellm-${(count += 1)}.db`);
  const mapFile = (name: string, value: unknown) => {
    const path = join(temp.dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };

  it('adds one price entry per model with token prices, per 1k tokens exactly', async () => {
    const db = nextDb();
    const file = mapFile('model_prices.json', priceMap);

    const skips = 'skipped 1 (no token price 1)';

    const run = await runFinops(['prices', 'import', '--from', 'litellm', file, '--db', db]);
    const listed = await runFinops(['prices', 'list', '--format', 'json', '--db', db]);

    expect(run).toEqual({
      code: 0,
      stdout: `imported 2 price entries from ${file} (LiteLLM price map), ${skips}\n`,
      stderr: '',
    });
    expect(JSON.parse(listed.stdout)).toEqual({
      items: [
        {
          id: 1,
          provider_id: 'openai',
          model: 'gpt-4o-mini',
          input_cost_per_1k: 0.00015,
          output_cost_per_1k: 0.0006,
          cache_read_cost_per_1k: 0.000075,
          cache_write_cost_per_1k: null,
          effective_at: null,
        },
        {
          id: 2,
          provider_id: 'anthropic',
          model: 'claude-sonnet-4-5-20250929',
          input_cost_per_1k: 0.003,
          output_cost_per_1k: 0.015,
          cache_read_cost_per_1k: 0.0003,
          cache_write_cost_per_1k: 0.00375,
          effective_at: null,
        },
      ],
    });
  });

  it('imports nothing from a map with one bad price and names it', async () => {
    const db = nextDb();
    const broken = {
      ...priceMap,
      'gpt-4o': { input_cost_per_token: -1, litellm_provider: 'openai' },
    };

    const run = await runFinops([
      'prices',
      'import',
      '--from',
      'litellm',
      mapFile('broken.json', broken),
      '--db',
      db,
    ]);
    const listed = await runFinops(['prices', 'list', '--format', 'json', '--db', db]);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        'finops: LiteLLM price map: "gpt-4o": input_cost_per_token:',
        'Too small: expected number to be >=0; nothing was imported\n',
      ].join(' '),
    });
    expect(JSON.parse(listed.stdout)).toEqual({ items: [] });
  });

  it('keeps the plain import when --from is not given', async () => {
    const file = mapFile('entries.json', [{ provider_id: 'codex', input_cost_per_1k: 0.002 }]);

    const run = await runFinops(['prices', 'import', file, '--db', nextDb()]);

    expect(run.stdout).toBe(`imported 1 price entries from ${file}\n`);
  });
});
