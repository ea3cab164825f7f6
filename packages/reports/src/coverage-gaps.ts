import { DAY_MS, dayStartMs, formatDay, type ReportSource } from '@finops/store';
import { ReportError } from './errors.js';
import { resolveEventFilter, type FilterParams } from './event-filter.js';

/**
 * UTC days from the day of `start` to the day of `end` (inclusive) on which no filtered event
 * happened, oldest first. Without both bounds there is no window to cover and the list is empty.
 *
 * @example await findCoverageGaps(store, { start, end }) // ['2025-10-12']
 */
export async function findCoverageGaps(
  source: ReportSource,
  params: FilterParams,
): Promise<string[]> {
  if (params.start === undefined || params.end === undefined) return [];

  const daily = await source.dailyTotals(await resolveEventFilter(source, params));
  return listMissingDays(
    formatDay(params.start),
    formatDay(params.end),
    new Set(daily.map((total) => total.day)),
  );
}

/** Longest window whose days are listed one by one (ten years). */
const MAX_COVERAGE_DAYS = 3_660;

/**
 * Days from `first` to `last` (inclusive, `YYYY-MM-DD`) that are not in `present`.
 *
 * @throws ReportError `REPORT_INVALID_WINDOW` (parameter `start`) past ten years.
 */
export function listMissingDays(
  first: string,
  last: string,
  present: ReadonlySet<string>,
): string[] {
  const from = dayStartMs(first);
  const to = dayStartMs(last);
  if ((to - from) / DAY_MS >= MAX_COVERAGE_DAYS) {
    const limit = `coverage is checked over at most ${MAX_COVERAGE_DAYS} days`;
    throw new ReportError('REPORT_INVALID_WINDOW', `${limit}, got ${first} to ${last}`, {
      parameter: 'start',
    });
  }

  const missing: string[] = [];
  for (let ms = from; ms <= to; ms += DAY_MS) {
    const day = formatDay(ms);
    if (!present.has(day)) missing.push(day);
  }
  return missing;
}
