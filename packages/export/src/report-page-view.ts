import {
  formatPercent,
  type PullRequestReport,
  type ReportParams,
  type SprintReport,
  type TimeseriesPoint,
} from '@finops/reports';
import { buildCostChart, type CostChart } from './cost-chart.js';
import { describeParameters } from './report-parameters.js';
import { formatNumber, formatSignedPercent, formatSignedUsd, formatUsd } from './report-cells.js';

/** What the report page shows, as loaded from a source. */
export interface ReportPageData {
  params: ReportParams;
  sprints: SprintReport[];
  /** Pull-request reports of the newest sprint's window (see `renderReportPage`). */
  pullRequests: PullRequestReport[];
  points: TimeseriesPoint[];
}

/** The mustache view of the page: every value is final text (or a chart of numbers). */
export interface ReportPageView {
  parametersText: string;
  coverageText: string | null;
  unpricedText: string | null;
  summaryLang: string;
  sprints: Record<string, string>[];
  pullRequestRangeText: string | null;
  pullRequests: Record<string, string>[];
  chart: CostChart | null;
}

const DASH = '\u2014';

/** Shapes loaded report data into the page's view; computes nothing new but sums of totals. */
export function shapeReportPage(data: ReportPageData): ReportPageView {
  const newest = data.sprints[0];
  const windowDays = data.params.windowDays;

  return {
    parametersText: describeReportParams(data.params),
    coverageText: describeCoverage(data.points),
    unpricedText: describeUnpriced(sumOf(data.points, (point) => point.unpriced_events)),
    summaryLang: data.params.locale,
    sprints: data.sprints.map(shapeSprintRow),
    pullRequestRangeText:
      newest === undefined
        ? null
        : `Routes of the newest sprint, ${newest.period_start} – ${newest.period_end}, ` +
          `each compared with the ${windowDays === 1 ? 'day' : `${windowDays} days`} before.`,
    pullRequests: data.pullRequests.map(shapePullRequestRow),
    chart: data.points.length === 0 ? null : buildCostChart(data.points),
  };
}

/** The report query as `name value` pairs, in the order and spelling the API takes them. */
export function describeReportParams(params: ReportParams): string {
  return Object.entries(describeParameters(params))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

function shapeSprintRow(report: SprintReport): Record<string, string> {
  const hasPrevious = report.previous_cost_usd !== null;
  return {
    id: report.id,
    period: `${report.period_start} – ${report.period_end}`,
    runs: formatNumber(report.run_count),
    cost: formatUsd(report.total_cost_usd),
    previous: hasPrevious ? formatUsd(report.previous_cost_usd ?? 0) : DASH,
    delta: hasPrevious ? formatSignedPercent(report.cost_delta) : DASH,
    tokens: `${formatNumber(report.total_tokens_in)} / ${formatNumber(report.total_tokens_out)}`,
    latency: formatNumber(report.avg_latency_ms),
    successRate: formatPercent(report.success_rate),
    status: report.status,
    summary: report.summary,
  };
}

function shapePullRequestRow(report: PullRequestReport): Record<string, string> {
  const previous = report.previous_cost_usd;
  return {
    id: report.id,
    title: report.title,
    lane: report.lane,
    owner: report.owner,
    lastRun: report.merged_at ?? DASH,
    cost: formatUsd(addUsd(previous ?? 0, report.cost_change_usd)),
    previous: previous === null ? DASH : formatUsd(previous),
    delta: previous === null ? DASH : formatSignedPercent(report.cost_delta),
    impact: formatUsd(report.cost_impact_usd),
    tokens: formatNumber(report.tokens_impact, { signed: true }),
    status: report.status,
  };
}

function describeCoverage(points: TimeseriesPoint[]): string | null {
  if (points.length === 0) return null;

  const events = sumOf(points, (point) => point.run_count);
  const providers = new Set(points.map((point) => point.provider_id)).size;
  const cost = points.reduce((total, point) => addUsd(total, point.cost_usd), 0);
  const counted = `${plural(events, 'event')} of ${plural(providers, 'provider')}`;
  const days = `UTC days ${points[0]?.day} – ${points[points.length - 1]?.day}`;
  return `${counted} on ${days}, costing ${formatUsd(cost)} USD in all.`;
}

function describeUnpriced(count: number): string | null {
  if (count === 0) return null;

  const subject = count === 1 ? '1 event has' : `${formatNumber(count)} events have`;
  const effect = 'tokens and runs count them, cost totals leave them out';
  return `${subject} no reported cost and no price: ${effect}.`;
}

function plural(count: number, noun: string): string {
  return `${formatNumber(count)} ${count === 1 ? noun : `${noun}s`}`;
}

function sumOf(points: TimeseriesPoint[], read: (point: TimeseriesPoint) => number): number {
  return points.reduce((total, point) => total + read(point), 0);
}

/** Sums two 6-decimal USD amounts exactly, in whole micro-dollars. */
function addUsd(left: number, right: number): number {
  return (Math.round(left * 1_000_000) + Math.round(right * 1_000_000)) / 1_000_000;
}
