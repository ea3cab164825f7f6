import { ingestText, openStore } from '@finops/store';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { oraclePullRequests, oracleSprints, reportBody } from '@finops/oracle';
import { createTestApp, runbookWindow, withQuery } from './_reference.js';
import { createApp } from './app.js';

const SPRINTS = '/api/v1/telemetry/finops/sprints';
const PULL_REQUESTS = '/api/v1/telemetry/finops/pull-requests';

describe('report routes on the reference dataset', () => {
  let app: Hono;

  beforeAll(async () => {
    ({ app } = await createTestApp());
  });

  it('answers the two runbook sprint reports of SPEC §7 byte for byte', async () => {
    const response = await app.request(withQuery(SPRINTS, runbookWindow));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.text()).toBe(reportBody(oracleSprints));
  });

  it.each([
    ['without a start', { end: runbookWindow.end, window_days: '7' }],
    ['without any parameter', {}],
    ['with start 2025-10-15', { ...runbookWindow, start: '2025-10-15T00:00:00Z' }],
  ])('answers the three pull-request reports %s', async (_, query) => {
    const response = await app.request(withQuery(PULL_REQUESTS, query));

    expect(response.status).toBe(200);
    expect(await response.text()).toBe(reportBody(oraclePullRequests));
  });

  it('answers identical bytes when asked twice', async () => {
    const first = await (await app.request(PULL_REQUESTS)).text();
    const second = await (await app.request(PULL_REQUESTS)).text();

    expect(second).toBe(first);
  });

  it('writes the sprint summaries in English for locale en', async () => {
    const response = await app.request(withQuery(SPRINTS, { ...runbookWindow, locale: 'en' }));
    const body = (await response.json()) as { items: { summary: string }[] };

    expect(body.items.map((item) => item.summary)).toEqual([
      'Cost down 6.9% versus the previous sprint, with 0.10M tokens in the period 2025-10-15 – 2025-10-21.',
      'Stable cost in the period 2025-10-08 – 2025-10-14 with 0.11M tokens processed.',
    ]);
  });

  it('restricts the reports to the providers of a lane', async () => {
    const response = await app.request(withQuery(PULL_REQUESTS, { lane: 'turbo' }));

    expect(await response.text()).toBe(reportBody([oraclePullRequests[0]]));
  });

  it('answers at most limit reports', async () => {
    const response = await app.request(withQuery(PULL_REQUESTS, { limit: '1' }));

    expect(await response.text()).toBe(reportBody([oraclePullRequests[0]]));
  });

  it.each([
    ['an offset', { start: '2025-10-08T03:00:00+03:00', end: '2025-10-22T02:59:59+03:00' }],
    ['no offset (UTC)', { start: '2025-10-08T00:00:00', end: '2025-10-21T23:59:59' }],
  ])('reads instants with %s as the same window', async (_, bounds) => {
    const response = await app.request(withQuery(SPRINTS, { ...bounds, window_days: '7' }));

    expect(await response.text()).toBe(reportBody(oracleSprints));
  });

  it('ranks the provider routes by cost on the pareto route', async () => {
    const response = await app.request(withQuery('/api/v1/telemetry/pareto', runbookWindow));
    const body = (await response.json()) as {
      items: { id: string; run_count: number; cost_usd: number }[];
    };

    expect(body.items.map(({ id, run_count, cost_usd }) => ({ id, run_count, cost_usd }))).toEqual([
      { id: 'gemini:balanced', run_count: 14, cost_usd: 122.9 },
      { id: 'glm46:default', run_count: 14, cost_usd: 110.1 },
      { id: 'codex:economy', run_count: 14, cost_usd: 81.13 },
    ]);
  });

  it('sums cost per lane on the lane-costs route', async () => {
    const response = await app.request(withQuery('/api/v1/telemetry/lane-costs', runbookWindow));

    expect(await response.text()).toBe(
      reportBody([
        {
          lane: 'balanced',
          run_count: 28,
          total_cost_usd: 204.03,
          total_tokens_in: 94_985,
          total_tokens_out: 39_660,
          avg_latency_ms: 912.5,
          unpriced_events: 0,
        },
        {
          lane: 'turbo',
          run_count: 14,
          total_cost_usd: 110.1,
          total_tokens_in: 51_770,
          total_tokens_out: 20_650,
          avg_latency_ms: 970.714,
          unpriced_events: 0,
        },
      ]),
    );
  });

  it('pages the runs newest first until next_cursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const query: Record<string, string> = { limit: '20', ...(cursor ? { cursor } : {}) };
      const response = await app.request(withQuery('/api/v1/telemetry/runs', query));
      const body = (await response.json()) as {
        items: { ts: string }[];
        next_cursor: string | null;
      };
      seen.push(...body.items.map((item) => item.ts));
      cursor = body.next_cursor;
      if (cursor === null) break;
    }

    expect(cursor).toBeNull();
    expect(seen).toHaveLength(42);
    expect(seen[0]).toBe('2025-10-21T15:00:00Z');
    expect(seen[41]).toBe('2025-10-08T13:00:00Z');
    expect([...seen].sort().reverse()).toEqual(seen);
  });
});

describe('report routes on an empty database', () => {
  let app: Hono;

  beforeAll(async () => {
    ({ app } = await createTestApp({ seed: false }));
  });

  it.each([
    '/api/v1/telemetry/finops/sprints',
    '/api/v1/telemetry/finops/pull-requests',
    '/api/v1/telemetry/timeseries',
    '/api/v1/telemetry/pareto',
    '/api/v1/telemetry/lane-costs',
  ])('answers {"items": []} on %s', async (path) => {
    const response = await app.request(withQuery(path, runbookWindow));

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{\n  "items": []\n}\n');
  });

  it('answers an empty last page of runs', async () => {
    const response = await app.request('/api/v1/telemetry/runs');

    expect(await response.json()).toEqual({ items: [], next_cursor: null });
  });
});

describe('report routes on events without a cost or a price', () => {
  let app: Hono;

  beforeAll(async () => {
    const store = openStore(':memory:');
    const lines = [
      {
        provider_id: 'claude',
        tool: 'opus',
        ts: '2025-10-21T10:00:00Z',
        tokens_in: 1000,
        tokens_out: 500,
        status: 'ok',
      },
      {
        provider_id: 'claude',
        tool: 'opus',
        ts: '2025-10-21T11:00:00Z',
        tokens_in: 10,
        cost_usd: 0.1,
        status: 'ok',
      },
      {
        provider_id: 'claude',
        tool: 'opus',
        ts: '2025-10-21T12:00:00Z',
        tokens_in: 10,
        cost_usd: 0.2,
        status: 'failed',
      },
    ];
    await ingestText(store, lines.map((line) => JSON.stringify(line)).join('\n'), {
      source: 'claude.jsonl',
    });
    app = createApp({ store });
  });

  it('counts the unpriced event and sums only the known costs', async () => {
    const body = (await (await app.request(SPRINTS)).json()) as { items: object[] };

    expect(body.items).toEqual([
      expect.objectContaining({
        total_cost_usd: 0.3,
        total_tokens_in: 1_020,
        run_count: 3,
        success_rate: 0.666667,
        unpriced_events: 1,
      }),
    ]);
  });

  it('shows the unknown cost as a blank CSV cell, never 0', async () => {
    const csv = await (await app.request('/api/v1/telemetry/export?format=csv')).text();

    expect(csv.split('\r\n').slice(1, 4)).toEqual([
      '2025-10-21T10:00:00Z,claude,opus,,success,1000,500,0,,,,{},claude.jsonl',
      '2025-10-21T11:00:00Z,claude,opus,,success,10,0,0,0.1,,,{},claude.jsonl',
      '2025-10-21T12:00:00Z,claude,opus,,error,10,0,0,0.2,,,{},claude.jsonl',
    ]);
  });
});
