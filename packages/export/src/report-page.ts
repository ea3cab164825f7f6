import {
  loadPullRequestReports,
  loadSprintReports,
  loadTimeseriesReport,
  type ReportParams,
} from '@finops/reports';
import { dayStartMs, type ReportSource } from '@finops/store';
import Mustache from 'mustache';
import { costChartTemplate } from './cost-chart-template.js';
import { shapeReportPage, type ReportPageData } from './report-page-view.js';
import { reportPageTemplate } from './report-page-template.js';

/**
 * Mustache's own HTML escaping, taken before any caller can replace the global `Mustache.escape`,
 * and a private writer, as the HTML export does.
 */
const escapeHtml = Mustache.escape;
const writer = new Mustache.Writer();

/**
 * Renders the FinOps report page: one self-contained HTML document (UTF-8, inline stylesheet
 * for screen and print, no script, no external resource) titled `FinOps Report`, with the
 * parameters line, the sprint reports, the pull-request reports of the newest sprint's window,
 * and an inline SVG chart of daily cost per provider over the parameters' filter. Every value is
 * escaped by mustache; the same data and parameters give the same bytes.
 *
 * The pull-request table covers the newest sprint (its first day, or `start` when later, to
 * `end`) against the `window_days` days before it, so a long `start`–`end` span still shows the
 * latest change rather than one range with nothing to compare against.
 *
 * The page is small, so it is rendered whole and yielded as one chunk; iterating rejects with
 * whatever the source throws (the SQLite store throws `StoreError`).
 *
 * @example
 * for await (const chunk of renderReportPage(store, parseReportQuery({}))) out.write(chunk);
 */
export async function* renderReportPage(
  source: ReportSource,
  params: ReportParams,
): AsyncGenerator<string, void, undefined> {
  yield renderReportHtml(await loadReportPage(source, params));
}

/**
 * Loads what the report page shows: sprint reports, the newest sprint's pull-request reports
 * and the daily per-provider timeseries, all over the parameters' filter.
 *
 * @throws whatever the source throws (the SQLite store throws `StoreError`).
 */
export async function loadReportPage(
  source: ReportSource,
  params: ReportParams,
): Promise<ReportPageData> {
  const [sprints, points] = await Promise.all([
    loadSprintReports(source, params),
    loadTimeseriesReport(source, params),
  ]);

  const newest = sprints[0];
  if (newest === undefined) return { params, sprints, pullRequests: [], points };

  const start = Math.max(dayStartMs(newest.period_start), params.start ?? -Infinity);
  const pullRequests = await loadPullRequestReports(source, { ...params, start });
  return { params, sprints, pullRequests, points };
}

/**
 * The report page's HTML for data already loaded (see {@link loadReportPage}).
 *
 * @example renderReportHtml({ params, sprints: [], pullRequests: [], points: [] })
 */
export function renderReportHtml(data: ReportPageData): string {
  const view = shapeReportPage(data);
  const partials = { chart: costChartTemplate };
  return writer.render(reportPageTemplate, view, partials, { escape: escapeText });
}

/** A CR is written as a character reference: HTML parsers would turn a literal one into LF. */
function escapeText(value: unknown): string {
  return escapeHtml(value).replace(/\r/g, '&#13;');
}
