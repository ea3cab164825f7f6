import { z } from 'zod';

const pricePer1k = z.number().finite().nonnegative().nullable();

/**
 * Schema of a price entry as users write it (`prices add`, `prices import`, the API). Unknown keys
 * are refused, so a misspelt price (`input_cost_per_1K`) never silently becomes "no price"; an
 * `id` is accepted and ignored, so listed entries can be imported back.
 */
export const priceEntryInputSchema = z.strictObject({
  id: z.number().optional(),
  provider_id: z.string().min(1).max(128),
  model: z.string().min(1).max(256).nullable().default(null),
  input_cost_per_1k: pricePer1k.default(null),
  output_cost_per_1k: pricePer1k.default(null),
  /** USD per 1k input tokens read from a prompt cache; null prices them as plain input. */
  cache_read_cost_per_1k: pricePer1k.default(null),
  /** USD per 1k input tokens written to a prompt cache; null prices them as plain input. */
  cache_write_cost_per_1k: pricePer1k.default(null),
  /** ISO 8601 instant from which the entry is in force; null means always. */
  effective_at: z.string().nullable().default(null),
});
/** A price entry as users write it; see {@link priceEntryInputSchema}. */
export type PriceEntryInput = z.input<typeof priceEntryInputSchema>;

/** A stored price entry. `effective_at` is epoch milliseconds or null. */
export interface PriceEntry {
  id: number;
  provider_id: string;
  model: string | null;
  input_cost_per_1k: number | null;
  output_cost_per_1k: number | null;
  cache_read_cost_per_1k: number | null;
  cache_write_cost_per_1k: number | null;
  effective_at: number | null;
}

/** The sample price entries seeding installs (USD per 1k tokens, input / output). */
export const samplePriceEntries: readonly PriceEntryInput[] = [
  { provider_id: 'gemini', model: null, input_cost_per_1k: 0.0025, output_cost_per_1k: 0.0035 },
  { provider_id: 'glm46', model: null, input_cost_per_1k: 0.0018, output_cost_per_1k: 0.0022 },
  { provider_id: 'codex', model: null, input_cost_per_1k: 0.002, output_cost_per_1k: 0.0025 },
];
