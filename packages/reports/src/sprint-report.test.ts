import type { DailyTotal } from '@finops/store';
import { describe, expect, it } from 'vitest';
import { parseReportQuery } from './report-params.js';
import { computeSprintReports } from './sprint-report.js';

const USD = 1_000_000_000n;

/** A day of `runs` runs, each with 1,000 tokens in, 500 out, 800 ms, all successful. */
function dailyTotal(day: string, costUsd: bigint, runs = 1): DailyTotal {
  return {
    day,
    run_count: runs,
    success_count: runs,
    tokens_in: 1_000 * runs,
    tokens_out: 500 * runs,
    latency_sum_ms: 800 * runs,
    cost_nanos: costUsd * USD,
    unpriced_events: 0,
  };
}

function everyDay(from: number, to: number, costUsd: bigint): DailyTotal[] {
  const days: DailyTotal[] = [];
  for (let date = from; date <= to; date += 1) {
    days.push(dailyTotal(`2025-10-${String(date).padStart(2, '0')}`, costUsd));
  }
  return days;
}

describe('computeSprintReports', () => {
  it('returns no reports without daily totals', () => {
    expect(computeSprintReports([], parseReportQuery({}))).toEqual([]);
  });

  it('shapes every field of a report in the spec order', () => {
    const daily = [
      dailyTotal('2025-10-06', 100n, 4),
      { ...dailyTotal('2025-10-13', 105n, 3), success_count: 2, unpriced_events: 1 },
    ];

    const [report] = computeSprintReports(daily, parseReportQuery({ limit: '1' }));

    expect(Object.keys(report ?? {})).toEqual([
      'id',
      'name',
      'period_start',
      'period_end',
      'total_cost_usd',
      'total_tokens_in',
      'total_tokens_out',
      'avg_latency_ms',
      'success_rate',
      'cost_delta',
      'status',
      'summary',
      'run_count',
      'previous_cost_usd',
      'unpriced_events',
    ]);
    expect(report).toEqual({
      id: 'sprint-2025-42-1',
      name: 'Sprint 2025-42',
      period_start: '2025-10-07',
      period_end: '2025-10-13',
      total_cost_usd: 105,
      total_tokens_in: 3_000,
      total_tokens_out: 1_500,
      avg_latency_ms: 800,
      success_rate: 0.666667,
      cost_delta: 0.05,
      status: 'attention',
      summary:
        'Alta de 5.0% no custo versus sprint anterior e 0.00 mi tokens no período 2025-10-07 – 2025-10-13.',
      run_count: 3,
      previous_cost_usd: 100,
      unpriced_events: 1,
    });
  });

  it('skips windows without runs and numbers the reports it keeps', () => {
    const daily = [dailyTotal('2025-10-01', 10n), dailyTotal('2025-10-20', 12n)];

    const reports = computeSprintReports(daily, parseReportQuery({}));

    expect(reports.map((report) => [report.id, report.period_start, report.period_end])).toEqual([
      ['sprint-2025-43-1', '2025-10-14', '2025-10-20'],
      ['sprint-2025-41-2', '2025-10-01', '2025-10-06'],
    ]);
    expect(reports.map((report) => report.previous_cost_usd)).toEqual([0, null]);
    expect(reports.map((report) => report.cost_delta)).toEqual([0, 0]);
  });

  it('stops at the limit', () => {
    const reports = computeSprintReports(everyDay(1, 21, 1n), parseReportQuery({ limit: '2' }));

    expect(reports.map((report) => report.period_start)).toEqual(['2025-10-15', '2025-10-08']);
  });

  it('anchors the walk on the last day with data, not on end', () => {
    const params = parseReportQuery({ end: '2025-12-31T23:59:59Z', limit: '1' });

    const [report] = computeSprintReports(everyDay(1, 21, 1n), params);

    expect([report?.period_start, report?.period_end]).toEqual(['2025-10-15', '2025-10-21']);
  });

  it('ends the walk on the end day when it precedes the last day with data', () => {
    const params = parseReportQuery({ end: '2025-10-17T10:00:00Z', limit: '1' });

    const [report] = computeSprintReports(everyDay(1, 21, 1n), params);

    expect([report?.period_start, report?.period_end]).toEqual(['2025-10-11', '2025-10-17']);
  });

  it('clips the previous window at the start day and shortens the oldest window', () => {
    const params = parseReportQuery({ start: '2025-10-10T00:00:00Z' });

    const reports = computeSprintReports(everyDay(1, 21, 1n), params);

    expect(reports.map((report) => [report.period_start, report.period_end])).toEqual([
      ['2025-10-15', '2025-10-21'],
      ['2025-10-10', '2025-10-14'],
    ]);
    expect(reports.map((report) => report.previous_cost_usd)).toEqual([5, null]);
    expect(reports.map((report) => report.cost_delta)).toEqual([0.4, 0]);
    expect(reports.map((report) => report.status)).toEqual(['regression', 'on_track']);
  });

  it('compares with days before the window when no start is given', () => {
    const reports = computeSprintReports(everyDay(5, 21, 1n), parseReportQuery({}));

    expect(reports.map((report) => report.previous_cost_usd)).toEqual([7, 3, null]);
    expect(reports.map((report) => report.cost_delta)).toEqual([0, 1.333333, 0]);
  });

  it('writes English summaries for locale en', () => {
    const daily = [dailyTotal('2025-10-06', 100n), dailyTotal('2025-10-13', 90n)];

    const [report] = computeSprintReports(daily, parseReportQuery({ locale: 'en', limit: '1' }));

    expect(report?.summary).toBe(
      'Cost down 10.0% versus the previous sprint, with 0.00M tokens in the period 2025-10-07 – 2025-10-13.',
    );
  });

  it('keeps a window that has runs but no cost', () => {
    const [report] = computeSprintReports([dailyTotal('2025-10-13', 0n)], parseReportQuery({}));

    expect([report?.run_count, report?.total_cost_usd, report?.status]).toEqual([1, 0, 'on_track']);
  });
});

describe('computeSprintReports across a gap of centuries', () => {
  it('jumps over empty windows instead of walking them one by one', () => {
    const daily = [dailyTotal('2025-10-08', 2n), dailyTotal('9999-12-31', 3n)];

    const started = performance.now();
    const reports = computeSprintReports(daily, parseReportQuery({}));
    const elapsed = performance.now() - started;

    expect(
      reports.map((report) => [report.period_start, report.period_end, report.total_cost_usd]),
    ).toEqual([
      ['9999-12-25', '9999-12-31', 3],
      ['2025-10-08', '2025-10-10', 2],
    ]);
    expect(elapsed).toBeLessThan(1_000);
  });
});
