/** `tokens_in` of an event with the part of it served from or written to a prompt cache. */
export interface InputSplit {
  tokens_in: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
}

/**
 * Input where cached tokens are part of the reported count (OpenAI, OpenRouter, the OTel GenAI
 * spec: `input_tokens` includes cache reads and writes). When the cache parts exceed the
 * reported input the source evidently counted them apart (older Anthropic instrumentations), so
 * they are added instead of dropped.
 *
 * @example splitIncludedInput(1200, 1024, 0) // { tokens_in: 1200, cache_read_tokens: 1024, … }
 */
export function splitIncludedInput(input: number, cacheRead = 0, cacheWrite = 0): InputSplit {
  const tokensIn = cacheRead + cacheWrite > input ? input + cacheRead + cacheWrite : input;
  return { tokens_in: tokensIn, cache_read_tokens: cacheRead, cache_write_tokens: cacheWrite };
}

/**
 * Input where cache reads and writes come on top of the uncached count (Anthropic Messages
 * usage, Claude Code, Anthropic usage reports): `tokens_in` is the whole prompt.
 *
 * @example splitAdditiveInput(3, 18000, 2048) // { tokens_in: 20051, … }
 */
export function splitAdditiveInput(uncached: number, cacheRead = 0, cacheWrite = 0): InputSplit {
  return {
    tokens_in: uncached + cacheRead + cacheWrite,
    cache_read_tokens: cacheRead,
    cache_write_tokens: cacheWrite,
  };
}
