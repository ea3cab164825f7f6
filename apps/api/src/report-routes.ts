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
import { LRUCache } from 'lru-cache';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The report routes: FinOps sprints and pull requests, and the dashboard's aggregates. A report
 * is a pure function of the stored data and the query, so answers are cached per URL and reused
 * until the store's revision moves (a write from this or any other process).
 */
export function reportRoutes(store: TelemetryStore): Hono {
  const routes = new Hono();
  const cache = new LRUCache<string, { revision: string; body: string }>({ max: 512 });

  const answer = async (c: Context, compute: () => Promise<object>) => {
    const revision = await store.revision();
    let entry = cache.get(c.req.url);
    if (entry?.revision !== revision) {
      entry = { revision, body: renderReportJson(await compute()) };
      cache.set(c.req.url, entry);
    }
    return c.body(entry.body, 200, { 'content-type': JSON_TYPE });
  };
  const items = (c: Context, load: () => Promise<readonly unknown[]>) =>
    answer(c, async () => toReportDocument(await load()));
  const report = (c: Context) => parseReportQuery(c.req.query());
  const filter = (c: Context) => parseFilterQuery(c.req.query());

  routes.get('/telemetry/finops/sprints', (c) => items(c, () => loadSprintReports(store, report(c))));
  routes.get('/telemetry/finops/pull-requests', (c) => items(c, () => loadPullRequestReports(store, report(c))));
  routes.get('/telemetry/timeseries', (c) => items(c, () => loadTimeseriesReport(store, filter(c))));
  routes.get('/telemetry/pareto', (c) => items(c, () => loadParetoReport(store, filter(c))));
  routes.get('/telemetry/lane-costs', (c) => items(c, () => loadLaneCostReport(store, filter(c))));
  routes.get('/telemetry/runs', (c) => answer(c, () => loadRunsPage(store, parseRunsQuery(c.req.query()))));

  return routes;
}
