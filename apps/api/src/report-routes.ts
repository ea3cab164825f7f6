import { loadReport, renderReportJson, type ReportKind } from '@finops/reports';
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
  const paths: Record<string, ReportKind> = {
    '/telemetry/finops/sprints': 'sprints',
    '/telemetry/finops/pull-requests': 'pull-requests',
    '/telemetry/timeseries': 'timeseries',
    '/telemetry/pareto': 'pareto',
    '/telemetry/lane-costs': 'lane-costs',
    '/telemetry/runs': 'runs',
  };
  for (const [path, kind] of Object.entries(paths)) {
    routes.get(path, (c) => answer(c, () => loadReport(kind, store, c.req.query())));
  }

  return routes;
}
