import type { ReportSource } from '@finops/store';
import { parseFilterQuery } from './event-filter.js';
import { loadLaneCostReport } from './lane-cost-report.js';
import { loadParetoReport } from './pareto-report.js';
import { loadPullRequestReports } from './pull-request-report.js';
import { toReportDocument, type ReportDocument } from './report-document.js';
import { parseReportQuery } from './report-params.js';
import { parseRunsQuery } from './runs-params.js';
import { loadRunsPage, type RunsPage } from './runs-report.js';
import { loadSprintReports } from './sprint-report.js';
import { loadTimeseriesReport } from './timeseries-report.js';

type Query = Record<string, string | undefined>;

/** Every report by the name the CLI and the API use for it. */
const catalog = {
  sprints: (source: ReportSource, query: Query) =>
    listed(loadSprintReports(source, parseReportQuery(query))),
  'pull-requests': (source: ReportSource, query: Query) =>
    listed(loadPullRequestReports(source, parseReportQuery(query))),
  timeseries: (source: ReportSource, query: Query) =>
    listed(loadTimeseriesReport(source, parseFilterQuery(query))),
  pareto: (source: ReportSource, query: Query) =>
    listed(loadParetoReport(source, parseFilterQuery(query))),
  'lane-costs': (source: ReportSource, query: Query) =>
    listed(loadLaneCostReport(source, parseFilterQuery(query))),
  runs: (source: ReportSource, query: Query): Promise<RunsPage> =>
    loadRunsPage(source, parseRunsQuery(query)),
} as const;

/** Names of the reports, as `finops report <kind>` and the API routes call them. */
export type ReportKind = keyof typeof catalog;
export const reportKinds = Object.keys(catalog) as ReportKind[];

/** Tells whether a name is one of {@link reportKinds}. */
export function isReportKind(name: string): name is ReportKind {
  return Object.hasOwn(catalog, name);
}

/**
 * Computes a report from a query given as text (a query string, CLI flags) and answers its
 * document: `{"items": [...]}`, plus `next_cursor` for runs.
 *
 * @throws ReportError naming the parameter that is not accepted.
 * @example await loadReport('pareto', store, {}) // { items: [...] }
 */
export async function loadReport(
  kind: ReportKind,
  source: ReportSource,
  query: Query,
): Promise<ReportDocument<unknown> | RunsPage> {
  return catalog[kind](source, query);
}

async function listed<T>(items: Promise<readonly T[]>): Promise<ReportDocument<T>> {
  return toReportDocument(await items);
}
