import type { PriceEntryInput } from '@finops/store';
import { z } from 'zod';
import { FormatError } from './errors.js';
import { shiftDecimal } from './instants.js';
import { isRecord } from './loose-values.js';
import { createSkipCounter, type SkipCounts } from './skip-counts.js';

const tokenPrice = z.number().finite().nonnegative().nullish();

/** The fields of a LiteLLM model price map entry that price tokens; others are ignored. */
export const liteLlmPriceSchema = z.looseObject({
  litellm_provider: z.string().min(1).max(128).nullish(),
  input_cost_per_token: tokenPrice,
  output_cost_per_token: tokenPrice,
  cache_read_input_token_cost: tokenPrice,
  cache_creation_input_token_cost: tokenPrice,
});

/** Price entries read from a LiteLLM model price map, and the models left out per reason. */
export interface LiteLlmPriceMapReading {
  entries: PriceEntryInput[];
  skipped: SkipCounts;
}

/**
 * Reads LiteLLM's model price map (`model_prices_and_context_window.json`: `{ "<model>": {
 * input_cost_per_token, output_cost_per_token, cache_read_input_token_cost,
 * cache_creation_input_token_cost, litellm_provider, mode, … } }`) into price entries: provider
 * from `litellm_provider`, model = the key, prices per 1k tokens = per token × 1000 computed on
 * the decimal digits (`1.5e-7` → `0.00015`). The `sample_spec` key is not a model; models without
 * a token price (images, audio seconds…) or without a provider are skipped and counted. Every
 * entry is checked before any is returned.
 *
 * @throws FormatError `FORMAT_INVALID_PRICE_MAP` naming the model and field at fault.
 * @example readLiteLlmPriceMap(JSON.parse(text)).entries[0]
 * // { provider_id: 'openai', model: 'gpt-4o-mini', input_cost_per_1k: 0.00015, … }
 */
export function readLiteLlmPriceMap(value: unknown): LiteLlmPriceMapReading {
  if (!isRecord(value)) {
    throw new FormatError(
      'FORMAT_INVALID_PRICE_MAP',
      'a LiteLLM price map must be a JSON object of models',
    );
  }
  const { skipped, skip } = createSkipCounter('litellm');
  const entries: PriceEntryInput[] = [];

  for (const [model, raw] of Object.entries(value)) {
    if (model === 'sample_spec') continue;
    const parsed = liteLlmPriceSchema.safeParse(raw);
    if (!parsed.success) throw invalidEntry(model, parsed.error);
    const price = parsed.data;
    const input = price.input_cost_per_token ?? null;
    const output = price.output_cost_per_token ?? null;
    if (input === null && output === null) {
      skip('no token price');
      continue;
    }
    if (!price.litellm_provider) {
      skip('no provider');
      continue;
    }
    entries.push({
      provider_id: price.litellm_provider,
      model,
      input_cost_per_1k: per1k(input),
      output_cost_per_1k: per1k(output),
      cache_read_cost_per_1k: per1k(price.cache_read_input_token_cost ?? null),
      cache_write_cost_per_1k: per1k(price.cache_creation_input_token_cost ?? null),
      effective_at: null,
    });
  }
  return { entries, skipped };
}

function per1k(perToken: number | null): number | null {
  return perToken === null ? null : shiftDecimal(perToken, 3);
}

function invalidEntry(model: string, error: z.ZodError): FormatError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'entry';
  const message = `LiteLLM price map: "${model}": ${field}: ${issue?.message ?? 'is invalid'}`;
  return new FormatError('FORMAT_INVALID_PRICE_MAP', message, { field, cause: error });
}
