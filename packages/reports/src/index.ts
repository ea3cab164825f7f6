export { ReportError, isReportError } from './errors.js';
export type { ReportErrorCode, ReportErrorOptions } from './errors.js';
export {
  filterQuerySchema,
  filterQueryShape,
  parseFilterQuery,
  resolveEventFilter,
} from './event-filter.js';
export type { FilterParams } from './event-filter.js';
export { formatMillionTokens, formatPercent, roundAverage, roundRatio } from './format.js';
export { formatIsoWeek, getIsoWeek } from './iso-week.js';
export type { IsoWeek } from './iso-week.js';
export { computeLaneCostReport, loadLaneCostReport } from './lane-cost-report.js';
export type { LaneCost } from './lane-cost-report.js';
export { computeParetoReport, loadParetoReport } from './pareto-report.js';
export type { ParetoEntry } from './pareto-report.js';
export { resolveProvider } from './provider-lookup.js';
export { resolvePullRequestRange } from './pull-request-range.js';
export type { InstantRange, PullRequestRange } from './pull-request-range.js';
export { computePullRequestReports, loadPullRequestReports } from './pull-request-report.js';
export type { PullRequestReport, PullRequestTotals } from './pull-request-report.js';
export { renderReportJson, toReportDocument } from './report-document.js';
export type { ReportDocument } from './report-document.js';
export {
  defaultThresholds,
  locales,
  parseReportQuery,
  reportQuerySchema,
} from './report-params.js';
export type { Locale, ReportParams, Thresholds } from './report-params.js';
export { formatRouteId } from './route-totals.js';
export { decodeRunsCursor, encodeRunsCursor } from './runs-cursor.js';
export { parseRunsQuery, runsQuerySchema } from './runs-params.js';
export type { RunsParams } from './runs-params.js';
export { computeRunsPage, loadRunsPage } from './runs-report.js';
export type { RunRecord, RunsPage } from './runs-report.js';
export { computeSprintReports, loadSprintReports } from './sprint-report.js';
export type { SprintReport } from './sprint-report.js';
export { classifyChange } from './status.js';
export type { ReportStatus } from './status.js';
export { writePullRequestSummary, writeSprintSummary } from './summary-text.js';
export type { PullRequestSummaryFacts, SprintSummaryFacts } from './summary-text.js';
export { computeTimeseriesReport, loadTimeseriesReport } from './timeseries-report.js';
export type { TimeseriesPoint } from './timeseries-report.js';
export { findCoverageGaps, listMissingDays } from './coverage-gaps.js';
export { failOnLevels, runCheck } from './check-report.js';
export type { CheckFailure, CheckOptions, CheckResult, FailOn } from './check-report.js';
export { renderCheckMarkdown, renderCheckText } from './check-document.js';
export {
  checkResultSchema,
  laneCostSchema,
  paretoEntrySchema,
  pullRequestReportSchema,
  reportDocumentSchema,
  runRecordSchema,
  runsPageSchema,
  sprintReportSchema,
  timeseriesPointSchema,
} from './report-schemas.js';
export { isReportKind, loadReport, reportKinds } from './report-catalog.js';
export type { ReportKind } from './report-catalog.js';
