import { describe, expect, it } from 'vitest';
import { ingestValue } from './ingest-sources.js';
import { createProviderDirectory, deriveLane } from './providers.js';
import { openStore } from './sqlite-store.js';

describe('deriveLane', () => {
  it.each([
    ['gemini', 'balanced'],
    ['codex', 'balanced'],
    ['glm46', 'turbo'],
    ['claude', 'balanced'],
    ['qwen', 'economy'],
    ['deepseek', 'balanced'],
  ])('derives the lane of %s as %s', (id, lane) => {
    expect(deriveLane(id)).toBe(lane);
  });
});

describe('createProviderDirectory', () => {
  it('lists the built-in providers with their derived lanes', () => {
    expect(createProviderDirectory().listed).toEqual([
      { id: 'gemini', name: 'Gemini MCP', lane: 'balanced' },
      { id: 'codex', name: 'Codex CLI', lane: 'balanced' },
      { id: 'glm46', name: 'GLM-4.6', lane: 'turbo' },
      { id: 'claude', name: 'Claude MCP', lane: 'balanced' },
    ]);
  });

  it('resolves an unknown provider to its id and the balanced lane', () => {
    expect(createProviderDirectory().resolve('mistral')).toEqual({
      id: 'mistral',
      name: 'mistral',
      lane: 'balanced',
    });
  });

  it('takes names and lanes from a manifest', () => {
    const directory = createProviderDirectory({
      providers: [
        { id: 'glm46', name: 'Zhipu GLM', lane: 'economy' },
        { id: 'gemini', name: 'Gemini Pro' },
      ],
    });

    expect([
      directory.resolve('glm46'),
      directory.resolve('gemini'),
      directory.resolve('codex'),
    ]).toEqual([
      { id: 'glm46', name: 'Zhipu GLM', lane: 'economy' },
      { id: 'gemini', name: 'Gemini Pro', lane: 'balanced' },
      { id: 'codex', name: 'codex', lane: 'balanced' },
    ]);
  });

  it.each([
    [null, 'providers', 'Invalid input: expected object, received null'],
    [{ providers: 'x' }, 'providers', 'Invalid input: expected array, received string'],
    [
      { providers: [{ id: 'a' }] },
      'providers.0.name',
      'Invalid input: expected string, received undefined',
    ],
    [
      { providers: [{ id: '', name: 'A' }] },
      'providers.0.id',
      'Too small: expected string to have >=1 characters',
    ],
    [
      { providers: [{ id: 'a', name: 'A', lane: 'fast' }] },
      'providers.0.lane',
      'Invalid option: expected one of "economy"|"balanced"|"turbo"',
    ],
  ])('throws STORE_INVALID_MANIFEST for %j naming %s', (manifest, field, reason) => {
    const message = `invalid providers manifest at ${field}: ${reason}`;

    expect(() => createProviderDirectory(manifest)).toThrow(
      expect.objectContaining({
        name: 'StoreError',
        code: 'STORE_INVALID_MANIFEST',
        field,
        message,
      }),
    );
  });
});

describe('store providers', () => {
  it('lists the manifest providers and those seen in the data, sorted by id', async () => {
    const store = openStore(':memory:', {
      providers: { providers: [{ id: 'codex', name: 'Codex', lane: 'turbo' }] },
    });
    await ingestValue(store, [
      { provider_id: 'mistral', tool: 'chat', ts: '2025-10-21T10:00:00Z' },
    ]);

    expect(await store.listProviders()).toEqual([
      { id: 'codex', name: 'Codex', lane: 'turbo' },
      { id: 'mistral', name: 'mistral', lane: 'balanced' },
    ]);
    expect(await store.providersInLane('balanced')).toEqual(['mistral']);
    expect(await store.resolveProvider('codex')).toEqual({
      id: 'codex',
      name: 'Codex',
      lane: 'turbo',
    });
    await store.close();
  });

  it('throws STORE_INVALID_MANIFEST from openStore for a bad manifest', () => {
    expect(() => openStore(':memory:', { providers: { providers: [{ id: 'x' }] } })).toThrow(
      expect.objectContaining({ code: 'STORE_INVALID_MANIFEST', field: 'providers.0.name' }),
    );
  });
});
