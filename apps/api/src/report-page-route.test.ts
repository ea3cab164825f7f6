import { loadReportPage, renderReportHtml } from '@finops/export';
import { parseReportQuery } from '@finops/reports';
import type { TelemetryStore } from '@finops/store';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, runbookWindow, withQuery } from './_reference.js';

const REPORT_PAGE = '/api/v1/telemetry/finops/report.html';
const windowDaysRange = 'expected an integer from 1 to 90 (for example 7)';
const lanes = 'economy, balanced, turbo';

describe('GET /api/v1/telemetry/finops/report.html', () => {
  let app: Hono;
  let store: TelemetryStore;

  beforeAll(async () => {
    ({ app, store } = await createTestApp());
  });

  it('answers the report page of the runbook window as UTF-8 HTML', async () => {
    const response = await app.request(withQuery(REPORT_PAGE, runbookWindow));
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await loadReportPage(store, parseReportQuery(runbookWindow));
    expect(html).toBe(renderReportHtml(page));
    expect(html).toContain('<title>FinOps Report</title>');
    expect(html).toContain('<td class="nowrap">sprint-2025-43-1</td>');
    expect(html).toContain('<span class="sub">glm46:default</span>');
  });

  it('forbids scripts and every outside resource by content security policy', async () => {
    const response = await app.request(REPORT_PAGE);
    await response.text();

    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    [{ window_days: '0' }, 'window_days', `invalid window_days: ${windowDaysRange}, received "0"`],
    [{ locale: 'xx' }, 'locale', 'invalid locale: expected one of pt-BR, en, received "xx"'],
    [{ lane: 'fast' }, 'lane', `invalid lane: expected one of ${lanes}, received "fast"`],
    [{ start: '2025-02-30T00:00:00Z' }, 'start', 'invalid start: impossible date 2025-02-30'],
  ])('answers 400 naming the parameter for %j', async (query, parameter, message) => {
    const response = await app.request(withQuery(REPORT_PAGE, query));

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'REPORT_INVALID_PARAMETER', message, parameter },
    });
  });

  it('answers 400 REPORT_INVALID_WINDOW naming start when start is after end', async () => {
    const query = { start: '2025-10-21T00:00:00Z', end: '2025-10-08T00:00:00Z' };

    const response = await app.request(withQuery(REPORT_PAGE, query));
    const body = (await response.json()) as { error: { code: string; parameter: string } };

    expect(response.status).toBe(400);
    expect([body.error.code, body.error.parameter]).toEqual(['REPORT_INVALID_WINDOW', 'start']);
  });

  it('answers the placeholders, not an error, over an empty store', async () => {
    const { app: empty } = await createTestApp({ seed: false });

    const response = await empty.request(REPORT_PAGE);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('No sprint reports for these parameters.');
  });
});
