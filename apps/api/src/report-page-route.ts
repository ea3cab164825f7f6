import { loadReportPage, renderReportHtml } from '@finops/export';
import { parseReportQuery } from '@finops/reports';
import type { TelemetryStore } from '@finops/store';
import { Hono } from 'hono';

const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * The page holds no script and loads nothing, so the policy forbids both: a value that ever
 * slipped past escaping still could not run or reach the network.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** `GET /telemetry/finops/report.html`: the FinOps report page for a report query. */
export function reportPageRoute(store: TelemetryStore): Hono {
  const routes = new Hono();

  routes.get('/telemetry/finops/report.html', async (c) => {
    const params = parseReportQuery(c.req.query());

    const html = renderReportHtml(await loadReportPage(store, params));
    return c.body(html, 200, {
      'content-type': HTML_TYPE,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    });
  });

  return routes;
}
