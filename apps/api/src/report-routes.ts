import {
  loadLaneCostReport,
  loadParetoReport,
  loadPullRequestReports,
  loadRunsPage,
  loadSprintReports,
  loadTimeseriesReport,
  parseFilterQuery,
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
  const items = async (c: Context, load: Promise<readonly unknown[]>) => answer(c, toReportDocument(await load));
  const report = (c: Context) => parseReportQuery(c.req.query());
  const filter = (c: Context) => parseFilterQuery(c.req.query());

  routes.get('/telemetry/finops/sprints', (c) => items(c, loadSprintReports(store, report(c))));
  routes.get('/telemetry/finops/pull-requests', (c) => items(c, loadPullRequestReports(store, report(c))));
  routes.get('/telemetry/timeseries', (c) => items(c, loadTimeseriesReport(store, filter(c))));
  routes.get('/telemetry/pareto', (c) => items(c, loadParetoReport(store, filter(c))));
  routes.get('/telemetry/lane-costs', (c) => items(c, loadLaneCostReport(store, filter(c))));
  routes.get('/telemetry/runs', async (c) => answer(c, await loadRunsPage(store, parseRunsQuery(c.req.query()))));

  return routes;
}
