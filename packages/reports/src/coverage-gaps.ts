import { addDays, formatDay, type ReportSource } from '@finops/store';
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

/** Days from `first` to `last` (inclusive, `YYYY-MM-DD`) that are not in `present`. */
export function listMissingDays(
  first: string,
  last: string,
  present: ReadonlySet<string>,
): string[] {
  const missing: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (!present.has(day)) missing.push(day);
  }
  return missing;
}
