import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createTestApp, withQuery } from './_reference.js';

const SPRINTS = '/api/v1/telemetry/finops/sprints';
const EXPORT = '/api/v1/telemetry/export';

const getRoutes = [
  '/api/v1/telemetry/finops/sprints',
  '/api/v1/telemetry/finops/pull-requests',
  '/api/v1/telemetry/export',
  '/api/v1/telemetry/timeseries',
  '/api/v1/telemetry/pareto',
  '/api/v1/telemetry/runs',
  '/api/v1/telemetry/lane-costs',
];

const windowDaysRange = 'expected an integer from 1 to 90 (for example 7)';
const limitRange = 'expected an integer from 1 to 12 (for example 4)';

describe('report query validation', () => {
  let app: Hono;

  beforeAll(async () => {
    ({ app } = await createTestApp());
  });

  it.each([
    [{ window_days: '0' }, 'window_days', `invalid window_days: ${windowDaysRange}, received "0"`],
    [
      { window_days: 'abc' },
      'window_days',
      `invalid window_days: ${windowDaysRange}, received "abc"`,
    ],
    [
      { window_days: '7.5' },
      'window_days',
      `invalid window_days: ${windowDaysRange}, received "7.5"`,
    ],
    [
      { window_days: '91' },
      'window_days',
      `invalid window_days: ${windowDaysRange}, received "91"`,
    ],
    [{ window_days: '' }, 'window_days', `invalid window_days: ${windowDaysRange}, received ""`],
    [{ limit: '0' }, 'limit', `invalid limit: ${limitRange}, received "0"`],
    [{ limit: '13' }, 'limit', `invalid limit: ${limitRange}, received "13"`],
    [{ locale: 'xx' }, 'locale', 'invalid locale: expected one of pt-BR, en, received "xx"'],
    [
      { lane: 'fast' },
      'lane',
      'invalid lane: expected one of economy, balanced, turbo, received "fast"',
    ],
    [{ start: '2025-02-30T00:00:00Z' }, 'start', 'invalid start: impossible date 2025-02-30'],
    [{ end: '2025-13-01T00:00:00Z' }, 'end', 'invalid end: impossible date 2025-13-01'],
  ])('answers 400 naming the parameter for %j', async (query, parameter, message) => {
    const response = await app.request(withQuery(SPRINTS, query));

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'REPORT_INVALID_PARAMETER', message, parameter },
    });
  });

  it('answers 400 REPORT_INVALID_WINDOW naming start when start is after end', async () => {
    const query = { start: '2025-10-21T00:00:00Z', end: '2025-10-08T00:00:00Z' };

    const response = await app.request(withQuery(SPRINTS, query));

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'REPORT_INVALID_WINDOW',
        message: 'invalid start: expected start to be on or before end',
        parameter: 'start',
      },
    });
  });

  it.each(getRoutes)('answers 400 naming start for an impossible date on %s', async (path) => {
    const response = await app.request(withQuery(path, { start: '2025-02-30T00:00:00Z' }));

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { parameter: string } }).error.parameter).toBe(
      'start',
    );
  });

  it('answers 400 naming format for an unknown export format', async () => {
    const response = await app.request(withQuery(EXPORT, { format: 'xml' }));

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'EXPORT_UNKNOWN_FORMAT',
        message:
          'unknown export format: expected one of csv, html, json (for example "csv"), got "xml"',
        parameter: 'format',
      },
    });
  });

  it('answers 400 naming bom for a bom flag that is not 1, 0, true or false', async () => {
    const response = await app.request(withQuery(EXPORT, { bom: 'yes' }));

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'API_INVALID_PARAMETER',
        message: 'bom must be 1, 0, true or false, got "yes"',
        parameter: 'bom',
      },
    });
  });

  it('answers 400 naming cursor for a runs cursor it never handed out', async () => {
    const response = await app.request(
      withQuery('/api/v1/telemetry/runs', { cursor: 'not-a-cursor' }),
    );

    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { error: { code: string; parameter: string } }).error,
    ).toMatchObject({
      code: 'REPORT_INVALID_CURSOR',
      parameter: 'cursor',
    });
  });

  it('answers 404 with an error body for an unknown route', async () => {
    const response = await app.request('/api/v1/telemetry/nothing');

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        code: 'API_NOT_FOUND',
        message: 'no route for GET /api/v1/telemetry/nothing',
        parameter: null,
      },
    });
  });
});

// Raw query strings, not built with URLSearchParams, so odd encodings reach the app as sent.
const oddQueries = [
  'window_days=7&window_days=8',
  'limit=1&limit=13',
  'start=&end=',
  'window_days=&limit=&locale=&lane=&provider_id=&route=',
  'window_days=99999999999999999999999999',
  'limit=1e3',
  'window_days=-1',
  'window_days=0x10',
  'start=99999-01-01T00:00:00Z',
  'start=-271821-04-20T00:00:00Z',
  'start=2025-10-08T00:00:00%2B99:00',
  'provider_id=%F0%9F%92%B8&route=%E2%80%94',
  'provider_id=glm46%00',
  'route=%00&lane=turbo%00',
  'locale=pt-br',
  'start=%E0%A4%A',
  '%=%&&=&a',
  'cursor=%00',
  'cursor=eyJ0cyI6MX0',
  'format=csv&format=html',
  'format=%00',
  'bom=1&bom=2',
  `provider_id=${'x'.repeat(5000)}`,
  `route=${'%C3%A9'.repeat(300)}`,
];

describe('GET routes under odd query strings', () => {
  let app: Hono;
  const internalErrors: unknown[] = [];

  beforeAll(async () => {
    ({ app } = await createTestApp({ onInternalError: (error) => internalErrors.push(error) }));
  });

  const cases = getRoutes.flatMap((path) =>
    oddQueries.map((query) => ({
      path,
      query,
      shown: query.length > 60 ? `${query.slice(0, 60)}…` : query,
    })),
  );

  it.each(cases)('never answers 500 on $path?$shown', async ({ path, query }) => {
    const response = await app.request(`${path}?${query}`);
    const text = await response.text();

    expect(response.status).toBeLessThan(500);
    if (response.status >= 400) {
      expect(Object.keys((JSON.parse(text) as { error: object }).error)).toEqual([
        'code',
        'message',
        'parameter',
      ]);
    }
    expect(internalErrors).toEqual([]);
  });
});
