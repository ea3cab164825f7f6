import type { Nanos } from './contract.js';
import { divideRounded, MAX_STORABLE_NANOS, usdToNanos } from './money.js';
import type { PriceEntry } from './price-entry.js';

/** What pricing needs to know of an event. */
export interface PricingSubject {
  ts: number;
  provider_id: string;
  tool: string;
  tokens_in: number;
  tokens_out: number;
  /** Part of `tokens_in` read from a prompt cache. */
  cache_read_tokens?: number;
  /** Part of `tokens_in` written to a prompt cache. */
  cache_write_tokens?: number;
}

interface PricePair {
  input: number | null;
  output: number | null;
  cacheRead: number | null;
  cacheWrite: number | null;
}

/**
 * Cost of an event without a reported cost (SPEC §3), in nano-dollars, or null when no entry
 * prices it. Entries in force at the event's instant win (an exact model beats a null model, then
 * the latest `effective_at`); with none in force, the cheapest input and output prices of the
 * provider's entries apply. A cost too large to store (past 2^63−1 nanos) is left unpriced.
 *
 * @example
 * const event = { ts: 0, provider_id: 'codex', tool: 'cli', tokens_in: 1000, tokens_out: 0 };
 * priceEvent(event, entries); // 2_000_000n with codex input at 0.002 per 1k
 */
export function priceEvent(event: PricingSubject, entries: readonly PriceEntry[]): Nanos | null {
  const own = entries.filter((entry) => entry.provider_id === event.provider_id);
  const matching = own.filter((entry) => entry.model === null || entry.model === event.tool);
  const inForce = matching.filter(
    (entry) => entry.effective_at === null || entry.effective_at <= event.ts,
  );

  const chosen = pickInForce(inForce, event.tool) ?? cheapest(own);
  if (!chosen) return null;
  return costOf(event, chosen);
}

function pickInForce(entries: PriceEntry[], tool: string): PricePair | undefined {
  const ranked = [...entries].sort((a, b) => {
    const exact = Number(b.model === tool) - Number(a.model === tool);
    if (exact !== 0) return exact;
    return (b.effective_at ?? -Infinity) - (a.effective_at ?? -Infinity) || b.id - a.id;
  });
  const best = ranked[0];
  return (
    best && {
      input: best.input_cost_per_1k,
      output: best.output_cost_per_1k,
      cacheRead: best.cache_read_cost_per_1k ?? null,
      cacheWrite: best.cache_write_cost_per_1k ?? null,
    }
  );
}

function cheapest(entries: PriceEntry[]): PricePair | undefined {
  if (entries.length === 0) return undefined;
  const lowest = (values: (number | null)[]) => {
    const known = values.filter((value): value is number => value !== null);
    return known.length > 0 ? Math.min(...known) : null;
  };
  return {
    input: lowest(entries.map((entry) => entry.input_cost_per_1k)),
    output: lowest(entries.map((entry) => entry.output_cost_per_1k)),
    cacheRead: lowest(entries.map((entry) => entry.cache_read_cost_per_1k ?? null)),
    cacheWrite: lowest(entries.map((entry) => entry.cache_write_cost_per_1k ?? null)),
  };
}

/** tokens/1000 × price per 1k, for each side; a side with tokens but no price is unpriced. */
function costOf(event: PricingSubject, prices: PricePair): Nanos | null {
  const side = (tokens: number, per1k: number | null): bigint | null => {
    if (tokens === 0) return 0n;
    if (per1k === null) return null;
    return BigInt(tokens) * usdToNanos(per1k);
  };
  // Cached input is priced at the cache prices, falling back to the input price when an entry
  // has none, so a cache-heavy call is never priced as if every token were fresh input.
  const cacheRead = event.cache_read_tokens ?? 0;
  const cacheWrite = event.cache_write_tokens ?? 0;
  const parts = [
    side(event.tokens_in - cacheRead - cacheWrite, prices.input),
    side(cacheRead, prices.cacheRead ?? prices.input),
    side(cacheWrite, prices.cacheWrite ?? prices.input),
    side(event.tokens_out, prices.output),
  ];
  if (parts.some((part) => part === null)) return null;
  const cost = divideRounded(
    parts.reduce<bigint>((sum, part) => sum + (part ?? 0n), 0n),
    1000n,
  );
  return cost > MAX_STORABLE_NANOS ? null : cost;
}
