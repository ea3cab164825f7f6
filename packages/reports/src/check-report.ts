import type { ReportSource } from '@finops/store';
import { findCoverageGaps } from './coverage-gaps.js';
import type { ReportParams } from './report-params.js';
import { loadPullRequestReports, type PullRequestReport } from './pull-request-report.js';
import { loadSprintReports, type SprintReport } from './sprint-report.js';
import type { ReportStatus } from './status.js';

/** The status at or past which a check fails. */
export type FailOn = Exclude<ReportStatus, 'on_track'>;
export const failOnLevels: readonly FailOn[] = ['attention', 'regression'];

/** Options of {@link runCheck}. */
export interface CheckOptions {
  failOn: FailOn;
  /** Fail when a UTC day inside [start, end] has no events. */
  requireCoverage: boolean;
}

/** One reason a check fails. */
export interface CheckFailure {
  kind: 'sprint' | 'pull_request' | 'coverage';
  id: string;
  status: ReportStatus | 'missing_days';
}

/** The outcome of a regression check: the reports, the coverage and the verdict. */
export interface CheckResult {
  passed: boolean;
  fail_on: FailOn;
  require_coverage: boolean;
  sprints: SprintReport[];
  /** Pull-request reports, biggest movers (absolute cost change) first. */
  pull_requests: PullRequestReport[];
  /** UTC days inside [start, end] without events; empty without both bounds. */
  missing_days: string[];
  failures: CheckFailure[];
}

const severity: Record<ReportStatus, number> = { on_track: 0, attention: 1, regression: 2 };

/**
 * Computes the sprint and pull-request reports and decides whether a release may go ahead: it
 * fails when any report is at or past `failOn`, or, with `requireCoverage`, when a day of the
 * window has no events. Sprints and coverage span [start, end]; pull-request reports compare the
 * latest `windowDays` days ending at `end` with the days before, as a pull request is reviewed.
 *
 * @example (await runCheck(store, params, { failOn: 'regression', requireCoverage: false })).passed
 */
export async function runCheck(
  source: ReportSource,
  params: ReportParams,
  options: CheckOptions,
): Promise<CheckResult> {
  const sprints = await loadSprintReports(source, params);
  // The gate compares the latest window with the one before it, whatever span `start` opens
  // for the sprints and the coverage: pull-request reports are computed without `start`.
  const latest = { ...params, start: undefined };
  const pullRequests = (await loadPullRequestReports(source, latest)).sort(
    (a, b) => Math.abs(b.cost_change_usd) - Math.abs(a.cost_change_usd) || a.id.localeCompare(b.id),
  );
  const missingDays = await findCoverageGaps(source, params);

  const reaches = (status: ReportStatus) => severity[status] >= severity[options.failOn];
  const failures: CheckFailure[] = [
    ...sprints
      .filter((r) => reaches(r.status))
      .map((r) => ({ kind: 'sprint' as const, id: r.id, status: r.status })),
    ...pullRequests
      .filter((r) => reaches(r.status))
      .map((r) => ({ kind: 'pull_request' as const, id: r.id, status: r.status })),
  ];
  if (options.requireCoverage && missingDays.length > 0) {
    failures.push({ kind: 'coverage', id: missingDays.join(','), status: 'missing_days' });
  }

  return {
    passed: failures.length === 0,
    fail_on: options.failOn,
    require_coverage: options.requireCoverage,
    sprints,
    pull_requests: pullRequests,
    missing_days: missingDays,
    failures,
  };
}
