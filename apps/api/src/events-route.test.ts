import { beforeEach, describe, expect, it } from 'vitest';
import type { TelemetryStore } from '@finops/store';
import type { Hono } from 'hono';
import { oracleSprints, reportBody } from '@finops/oracle';
import { createTestApp, runbookWindow, withQuery } from './_reference.js';

const EVENTS = '/api/v1/telemetry/events';
const TOKEN = 'test-ingest-token';

const first = {
  provider_id: 'claude',
  tool: 'claude.chat',
  ts: '2025-10-22T10:00:00Z',
  tokens_in: 100,
  cost_usd: 0.5,
  status: 'success',
};
const second = {
  provider_id: 'claude',
  tool: 'claude.chat',
  ts: '2025-10-22T11:00:00+02:00',
  tokens_in: 200,
  status: 'error',
};
const third = {
  provider_id: 'codex',
  model: 'codex.run',
  timestamp: '2025-10-22T12:00:00Z',
  status: 'ok',
};

function post(app: Hono, body: string, token: string | null = TOKEN): Response | Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  return app.request(EVENTS, { method: 'POST', headers, body });
}

async function sprintsBody(app: Hono): Promise<string> {
  return (await app.request(withQuery('/api/v1/telemetry/finops/sprints', runbookWindow))).text();
}

describe('POST /api/v1/telemetry/events without a configured token', () => {
  it('answers 404: the route does not exist', async () => {
    const { app } = await createTestApp();

    const response = await post(app, JSON.stringify([first]));

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        code: 'API_NOT_FOUND',
        message: 'no route for POST /api/v1/telemetry/events',
        parameter: null,
      },
    });
  });
});

describe('POST /api/v1/telemetry/events', () => {
  let app: Hono;
  let store: TelemetryStore;

  beforeEach(async () => {
    ({ app, store } = await createTestApp({ ingestToken: TOKEN, maxBodyBytes: 2048 }));
  });

  const unauthorized = {
    error: {
      code: 'API_UNAUTHORIZED',
      message: 'a valid "Authorization: Bearer <token>" header is required',
      parameter: 'authorization',
    },
  };

  it.each([
    ['no authorization header', null],
    ['a wrong token', 'wrong-token'],
    ['a token with an extra character', `${TOKEN}x`],
    ['an empty token', ''],
  ])('answers 401 for %s and stores nothing', async (_, token) => {
    const response = await post(app, JSON.stringify([first]), token);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(unauthorized);
    expect(await store.countEvents({})).toBe(42);
  });

  it('answers 401 for a non-bearer scheme', async () => {
    const response = await app.request(EVENTS, {
      method: 'POST',
      headers: { authorization: `Basic ${TOKEN}` },
      body: JSON.stringify([first]),
    });

    expect(response.status).toBe(401);
  });

  it('answers 413 for a body over the limit and keeps every stored event', async () => {
    const before = await sprintsBody(app);
    const events = Array.from({ length: 40 }, (_, index) => ({ ...first, tokens_in: index }));

    const response = await post(app, JSON.stringify(events));

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: 'API_BODY_TOO_LARGE',
        message: 'request body exceeds 2048 bytes',
        parameter: 'body',
      },
    });
    expect(await store.countEvents({})).toBe(42);
    expect(await sprintsBody(app)).toBe(before);
  });

  it('answers 413 when the declared content-length is over the limit', async () => {
    const body = JSON.stringify(
      Array.from({ length: 40 }, (_, index) => ({ ...first, tokens_in: index })),
    );

    const response = await app.request(EVENTS, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    });

    expect(response.status).toBe(413);
  });

  it('answers 400 for an empty body', async () => {
    const response = await post(app, '  \n');

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'API_INVALID_BODY', message: 'the request body is empty', parameter: 'body' },
    });
  });

  it.each([
    ['a JSON array', JSON.stringify([first, second, third])],
    ['a dataset document', JSON.stringify({ events: [first, second, third] })],
    ['NDJSON', `${[first, second, third].map((event) => JSON.stringify(event)).join('\n')}\n`],
    [
      'NDJSON with CRLF, a BOM and no final newline',
      `\uFEFF${[first, second, third].map((e) => JSON.stringify(e)).join('\r\n')}`,
    ],
  ])('ingests %s and answers the counts', async (_, body) => {
    const response = await post(app, body);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      inserted: 3,
      duplicates: 0,
      rejected: 0,
      rejections: [],
    });
    expect(await store.countEvents({})).toBe(45);
  });

  it('counts events already stored as duplicates, whatever the body format', async () => {
    await post(app, JSON.stringify([first, second]));

    const response = await post(app, JSON.stringify({ events: [first, second, third] }));

    expect(await response.json()).toEqual({
      inserted: 1,
      duplicates: 2,
      rejected: 0,
      rejections: [],
    });
  });

  it('stores the good lines of NDJSON and answers every refused line', async () => {
    const lines = [
      JSON.stringify(first),
      'not json',
      JSON.stringify({ ...second, tokens_in: -5 }),
      JSON.stringify({ tool: 'x', ts: '2025-10-22T10:00:00Z' }),
      JSON.stringify({ ...third, timestamp: '2025-02-30T00:00:00Z' }),
      '',
      JSON.stringify(third),
    ];

    const response = await post(app, lines.join('\n'));
    const result = (await response.json()) as {
      inserted: number;
      rejected: number;
      rejections: object[];
    };

    expect(response.status).toBe(200);
    expect(result.inserted).toBe(2);
    expect(result.rejected).toBe(4);
    expect(result.rejections).toEqual([
      {
        source: 'api',
        line: 2,
        field: null,
        reason: 'invalid JSON: Unexpected token \'o\', "not json" is not valid JSON',
        raw: 'not json',
      },
      {
        source: 'api',
        line: 3,
        field: 'tokens_in',
        reason: 'must not be negative, got -5',
        raw: lines[2],
      },
      { source: 'api', line: 4, field: 'provider_id', reason: 'is required', raw: lines[3] },
      { source: 'api', line: 5, field: 'ts', reason: 'impossible date 2025-02-30', raw: lines[4] },
    ]);
    expect(await store.countEvents({})).toBe(44);
  });

  it('keeps every stored event when the body is not JSON at all', async () => {
    const before = await sprintsBody(app);

    const response = await post(app, '{"events": [');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      inserted: 0,
      duplicates: 0,
      rejected: 1,
      rejections: [
        {
          source: 'api',
          line: 1,
          field: null,
          reason: 'invalid JSON document: Unexpected end of JSON input',
          raw: '{"events": [',
        },
      ],
    });
    expect(await store.countEvents({})).toBe(42);
    expect(await sprintsBody(app)).toBe(before);
    expect(before).toBe(reportBody(oracleSprints));
  });

  it('stamps ingested_at with the app clock', async () => {
    await post(app, JSON.stringify([first]));

    const rows = (await (
      await app.request('/api/v1/telemetry/export?format=json&provider_id=claude')
    ).json()) as object[];

    expect(rows).toEqual([
      expect.objectContaining({
        source_file: 'api',
        line_number: 1,
        ingested_at: '2025-10-22T09:30:00Z',
      }),
    ]);
  });
});
