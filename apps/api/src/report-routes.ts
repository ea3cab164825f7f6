import {
  loadLaneCostReport,
  loadParetoReport,
  loadPullRequestReports,
  loadRunsPage,
  loadSprintReports,
  loadTimeseriesReport,
  parseReportQuery,
  parseRunsQuery,
  renderReportJson,
  toReportDocument,
} from '@finops/reports';
import type { TelemetryStore } from '@finops/store';
import { Hono, type Context } from 'hono';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The report routes: FinOps sprints and pull requests, and the dashboard's aggregates. */
export function reportRoutes(store: TelemetryStore): Hono {
  const routes = new Hono();
  const answer = (c: Context, body: object) => c.body(renderReportJson(body), 200, { 'content-type': JSON_TYPE });
  const items = async (c: Context, load: (params: ReturnType<typeof parseReportQuery>) => Promise<readonly unknown[]>) =>
    answer(c, toReportDocument(await load(parseReportQuery(c.req.query()))));

  routes.get('/telemetry/finops/sprints', (c) => items(c, (params) => loadSprintReports(store, params)));
  routes.get('/telemetry/finops/pull-requests', (c) => items(c, (params) => loadPullRequestReports(store, params)));
  routes.get('/telemetry/timeseries', (c) => items(c, (params) => loadTimeseriesReport(store, params)));
  routes.get('/telemetry/pareto', (c) => items(c, (params) => loadParetoReport(store, params)));
  routes.get('/telemetry/lane-costs', (c) => items(c, (params) => loadLaneCostReport(store, params)));
  routes.get('/telemetry/runs', async (c) => answer(c, await loadRunsPage(store, parseRunsQuery(c.req.query()))));

  return routes;
}
