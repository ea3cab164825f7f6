import { get } from 'node:http';
import {
  openStore,
  type EventInsert,
  type PagedRows,
  type StoredEvent,
  type TelemetryStore,
} from '@finops/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { startServer, type RunningServer } from './server.js';

const TOTAL = 200_000;
let server: RunningServer;
let pulled = 0;
let closed = false;

/** The store, with its event iteration counted. */
function counting(store: TelemetryStore): TelemetryStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key !== 'iterateEvents') return Reflect.get(target, key, receiver);
      return (...args: Parameters<TelemetryStore['iterateEvents']>): PagedRows<StoredEvent> => {
        const rows = target.iterateEvents(...args);
        return {
          async *pages() {
            try {
              for await (const page of rows.pages()) {
                pulled += page.length;
                yield page;
              }
            } finally {
              closed = true;
            }
          },
          async *[Symbol.asyncIterator]() {
            try {
              for await (const event of rows) {
                pulled += 1;
                yield event;
              }
            } finally {
              closed = true;
            }
          },
        };
      };
    },
  });
}

beforeAll(async () => {
  const store = openStore(':memory:');
  const events: EventInsert[] = Array.from({ length: TOTAL }, (_, index) => ({
    ts: Date.UTC(2025, 9, 1) + index * 1000,
    provider_id: 'codex',
    tool: 'codex.cli',
    route: 'economy',
    tokens_in: 100,
    tokens_out: 10,
    duration_ms: 5,
    status: 'success',
    cost_estimated_usd: 0.01,
    metadata: `{"n":${index}}`,
    experiment_cohort: null,
    experiment_tag: null,
    source_file: 'test',
    line_number: index + 1,
    ingested_at: 0,
  }));
  await store.insertEvents(events);
  server = await startServer(createApp({ store: counting(store) }), { port: 0 });
});

afterAll(async () => {
  await server.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('GET /api/v1/telemetry/export to a slow client, then one that goes away', () => {
  it('reads only as fast as the client takes the rows, and stops when it disconnects', async () => {
    const response = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      get(`http://127.0.0.1:${server.port}/api/v1/telemetry/export?format=csv`, resolve).on(
        'error',
        reject,
      );
    });
    response.pause();

    await settle();
    const stalled = pulled;
    await settle();
    expect(pulled).toBe(stalled);
    expect(stalled).toBeLessThan(TOTAL);
    expect(closed).toBe(false);

    response.destroy();
    await settle();
    expect(pulled).toBe(stalled);
    expect(closed).toBe(true);
  });
});
