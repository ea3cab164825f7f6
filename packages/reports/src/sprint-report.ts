import {
  DAY_MS,
  dayStartMs,
  formatDay,
  nanosToUsd,
  type DailyTotal,
  type ReportSource,
} from '@finops/store';
import { resolveEventFilter } from './event-filter.js';
import { roundAverage, roundRatio } from './format.js';
import { formatIsoWeek, getIsoWeek } from './iso-week.js';
import type { ReportParams } from './report-params.js';
import { walkSprintWindows, type DayRange } from './sprint-windows.js';
import { classifyChange, type ReportStatus } from './status.js';
import { writeSprintSummary } from './summary-text.js';
import { addTotals, createEmptyTotals, type Totals } from './totals.js';

/** One sprint report, fields in the order of SPEC §5.1 item 5. */
export interface SprintReport {
  id: string;
  name: string;
  period_start: string;
  period_end: string;
  total_cost_usd: number;
  total_tokens_in: number;
  total_tokens_out: number;
  avg_latency_ms: number;
  success_rate: number;
  cost_delta: number;
  status: ReportStatus;
  summary: string;
  run_count: number;
  previous_cost_usd: number | null;
  unpriced_events: number;
}

/**
 * Sprint reports, newest first, from daily totals of the filtered events (SPEC §5.1): windows of
 * `windowDays` days anchored on the last day with data, empty windows skipped, at most `limit`.
 *
 * @example computeSprintReports([], params) // []
 */
export function computeSprintReports(daily: DailyTotal[], params: ReportParams): SprintReport[] {
  if (daily.length === 0) return [];

  const byDay = new Map(daily.map((total) => [total.day, total]));
  const days = [...byDay.keys()].sort();
  const walk = walkSprintWindows({
    first: days[0] as string,
    last: days[days.length - 1] as string,
    days,
    start: params.start,
    end: params.end,
    windowDays: params.windowDays,
  });

  const reports: SprintReport[] = [];
  for (const window of walk) {
    if (reports.length >= params.limit) break;

    const totals = sumDays(byDay, window.period);
    if (totals.run_count === 0 && totals.cost_nanos === 0n) continue;

    const previous = window.previous === null ? null : sumDays(byDay, window.previous).cost_nanos;
    reports.push(shapeSprintReport(window.period, totals, previous, reports.length + 1, params));
  }

  return reports;
}

/**
 * Loads daily totals for the parameters' filter from a source and computes the sprint reports.
 *
 * @throws whatever the source throws (the SQLite store throws `StoreError`).
 */
export async function loadSprintReports(
  source: ReportSource,
  params: ReportParams,
): Promise<SprintReport[]> {
  const filter = await resolveEventFilter(source, params);
  const daily = await source.dailyTotals(filter);
  return computeSprintReports(daily, params);
}

function shapeSprintReport(
  period: DayRange,
  totals: Totals,
  previousNanos: bigint | null,
  position: number,
  params: ReportParams,
): SprintReport {
  const previous = previousNanos ?? 0n;
  const ratio = previous > 0n ? roundRatio(totals.cost_nanos - previous, previous) : 0;
  const week = formatIsoWeek(getIsoWeek(period.end));
  const tokens = totals.tokens_in + totals.tokens_out;
  const facts = { ratio, tokens, periodStart: period.start, periodEnd: period.end };

  return {
    id: `sprint-${week}-${position}`,
    name: `Sprint ${week}`,
    period_start: period.start,
    period_end: period.end,
    total_cost_usd: nanosToUsd(totals.cost_nanos),
    total_tokens_in: totals.tokens_in,
    total_tokens_out: totals.tokens_out,
    avg_latency_ms: roundAverage(totals.latency_sum_ms, totals.run_count),
    success_rate: roundRatio(BigInt(totals.success_count), BigInt(totals.run_count)),
    cost_delta: ratio,
    status: classifyChange(ratio, params.thresholds),
    summary: writeSprintSummary(facts, params.locale),
    run_count: totals.run_count,
    previous_cost_usd: previousNanos === null ? null : nanosToUsd(previousNanos),
    unpriced_events: totals.unpriced_events,
  };
}

function sumDays(byDay: Map<string, DailyTotal>, range: DayRange): Totals {
  let totals = createEmptyTotals();
  // Walk epoch days as numbers: a text day past 9999-12-31 would no longer sort after it.
  for (let ms = dayStartMs(range.start); ms <= dayStartMs(range.end); ms += DAY_MS) {
    const total = byDay.get(formatDay(ms));
    if (total !== undefined) totals = addTotals(totals, total);
  }
  return totals;
}
