import { describe, expect, it } from 'vitest';
import { normalizeEventRecord } from './event-record.js';
import { ingestText } from './ingest-sources.js';
import { openStore } from './sqlite-store.js';

const call = {
  provider_id: 'anthropic',
  tool: 'claude-sonnet-4-5',
  ts: '2025-07-01T09:00:05.000Z',
  tokens_in: 12_000,
  tokens_out: 300,
  event_id: 'msg_01:req_01',
  cache_read_tokens: 9_000,
  cache_write_tokens: 2_000,
};

describe('event_id and the cache split', () => {
  it('reads the producer id and the cache split of the input tokens', () => {
    const result = normalizeEventRecord(call);

    expect(
      result.ok && [
        result.event.event_id,
        result.event.cache_read_tokens,
        result.event.cache_write_tokens,
      ],
    ).toEqual(['msg_01:req_01', 9_000, 2_000]);
  });

  it.each([
    [
      { ...call, cache_read_tokens: 11_000 },
      'cache reads and writes (13000) exceed tokens_in (12000)',
    ],
    [{ ...call, cache_read_tokens: -1 }, 'must not be negative, got -1'],
  ])('refuses a cache split that does not fit the input tokens', (record, reason) => {
    expect(normalizeEventRecord(record)).toEqual({ ok: false, field: 'cache_read_tokens', reason });
  });

  it('treats a later copy of the same call as a duplicate, whatever its counts', async () => {
    const store = openStore(':memory:');
    const grown = { ...call, tokens_out: 450 };

    const first = await ingestText(store, JSON.stringify(call));
    const again = await ingestText(store, `${JSON.stringify(call)}\n${JSON.stringify(grown)}\n`);

    expect([first.inserted, again.inserted, again.duplicates]).toEqual([1, 0, 2]);
    expect(await store.countEvents({})).toBe(1);
  });

  it('keeps calls of two providers with the same id apart', async () => {
    const store = openStore(':memory:');

    const result = await ingestText(
      store,
      `${JSON.stringify(call)}\n${JSON.stringify({ ...call, provider_id: 'openai' })}\n`,
    );

    expect(result.inserted).toBe(2);
  });
});
