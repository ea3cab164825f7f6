import { describe, expect, it } from 'vitest';
import { importFixture, openPricedStore } from './_testing.js';
import type { FormatName } from './format-names.js';

// The fixtures carry prompts, answers, key hashes, IP addresses and signed body links the way
// each source writes them; none may reach an event's metadata.
const secrets = [
  'fixture prompt that must stay private',
  'fixture answer',
  'hashed-key-fixture',
  'hash-fixture',
  'signature=fixture',
  '10.0.0.7',
];

const fixtures: [FormatName, string][] = [
  ['otlp', 'otlp-traces.jsonl'],
  ['litellm', 'litellm-spend-logs.json'],
  ['litellm', 'litellm-raw-dump.jsonl'],
  ['langfuse', 'langfuse-observations.json'],
  ['helicone', 'helicone-export.jsonl'],
];

describe('sensitive payloads', () => {
  it.each(fixtures)('%s never copies prompts, responses or keys from %s', async (format, file) => {
    const store = await openPricedStore();
    await importFixture(store, format, file);

    const metadata: string[] = [];
    for await (const event of store.iterateEvents({})) metadata.push(event.metadata);

    expect(metadata.length).toBeGreaterThan(0);
    expect(secrets.filter((secret) => metadata.some((text) => text.includes(secret)))).toEqual([]);
  });
});
