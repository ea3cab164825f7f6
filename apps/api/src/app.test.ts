import { StoreError, openStore, type TelemetryStore } from '@finops/store';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './_reference.js';
import { createApp } from './app.js';

const queries = new Set([
  'dataSpan',
  'dailyTotals',
  'dailyProviderTotals',
  'routeTotals',
  'listRuns',
  'countEvents',
]);

/** A store whose report queries fail with `failure`, so every report route meets an error. */
function failingStore(failure: unknown): TelemetryStore {
  const store = openStore(':memory:');
  return new Proxy(store, {
    get(target, key, receiver) {
      if (typeof key === 'string' && queries.has(key)) return () => Promise.reject(failure);
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('createApp', () => {
  it('answers /healthz with the status and the version', async () => {
    const { app } = await createTestApp({ seed: false, version: '1.2.3' });

    const response = await app.request('/healthz');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: '1.2.3' });
  });

  it('answers a null version when none is given', async () => {
    const { app } = await createTestApp({ seed: false });

    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok', version: null });
  });

  it('logs the request and its response through the log option', async () => {
    const lines: string[] = [];
    const { app } = await createTestApp({ seed: false, log: (line) => lines.push(line) });

    await app.request('/healthz');

    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('GET /healthz');
    expect(lines[1]).toContain('200');
  });

  it('answers 500 API_INTERNAL for an unexpected failure and hands it to onInternalError', async () => {
    const failure = new Error('disk on fire');
    const seen: unknown[] = [];
    const app = createApp({
      store: failingStore(failure),
      onInternalError: (error) => seen.push(error),
    });

    const response = await app.request('/api/v1/telemetry/finops/sprints');

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 'API_INTERNAL', message: 'internal error', parameter: null },
    });
    expect(seen).toEqual([failure]);
  });

  it('answers 503 with the store code when the database fails', async () => {
    const failure = new StoreError('STORE_QUERY_FAILED', 'database is locked');
    const seen: unknown[] = [];
    const app = createApp({
      store: failingStore(failure),
      onInternalError: (error) => seen.push(error),
    });

    const response = await app.request('/api/v1/telemetry/finops/pull-requests');

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: 'STORE_QUERY_FAILED', message: 'database is locked', parameter: null },
    });
    expect(seen).toEqual([failure]);
  });

  it('does not call onInternalError for bad input', async () => {
    const seen: unknown[] = [];
    const { app } = await createTestApp({ onInternalError: (error) => seen.push(error) });

    const response = await app.request('/api/v1/telemetry/finops/sprints?limit=99');

    expect(response.status).toBe(400);
    expect(seen).toEqual([]);
  });
});
