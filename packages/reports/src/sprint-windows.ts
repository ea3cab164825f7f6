import { addDays, DAY_MS, dayStartMs, formatDay } from '@finops/store';

/** An inclusive range of UTC days (`YYYY-MM-DD`). */
export interface DayRange {
  start: string;
  end: string;
}

/** One candidate sprint: its days and the previous window whose cost it is compared with. */
export interface SprintWindow {
  period: DayRange;
  /** Null when there is no previous window to compare with (it ends before the data). */
  previous: DayRange | null;
}

/** What the walk needs: the days with data (sorted) and the report parameters. */
export interface SprintWalkOptions {
  first: string;
  last: string;
  /** Every day with data, oldest first; windows without any of them are jumped over. */
  days?: readonly string[];
  start?: number;
  end?: number;
  windowDays: number;
}

/**
 * Candidate sprint windows, newest first, anchored on the last day with data (SPEC §5.1 steps
 * 2–4). The caller skips empty windows and stops at its limit; the walk never looks at today.
 */
export function* walkSprintWindows(options: SprintWalkOptions): Generator<SprintWindow> {
  const { first, last, windowDays } = options;
  const startDay = options.start === undefined ? undefined : formatDay(options.start);
  const endDay = options.end === undefined ? last : minDay(formatDay(options.end), last);
  const from = startDay === undefined ? first : maxDay(startDay, first);
  const to = maxDay(from, endDay);

  let cursor = to;
  while (cursor >= from) {
    cursor = skipEmptyWindows(cursor, options.days, windowDays);
    if (cursor < from) return;
    const period = { start: maxDay(from, addDays(cursor, 1 - windowDays)), end: cursor };
    yield { period, previous: previousWindow(period.start, first, startDay, windowDays) };
    cursor = addDays(period.start, -1);
  }
}

/**
 * Moves the cursor back by whole windows past windows that hold no day with data, so a gap of
 * years between two events costs one step instead of one per window.
 */
function skipEmptyWindows(
  cursor: string,
  days: readonly string[] | undefined,
  windowDays: number,
): string {
  if (!days) return cursor;
  const latest = latestDayAtOrBefore(days, cursor);
  if (latest === undefined) return '0000-01-01';

  const gap = (dayStartMs(cursor) - dayStartMs(latest)) / DAY_MS;
  const emptyWindows = Math.floor(gap / windowDays);
  return emptyWindows > 0 ? addDays(cursor, -emptyWindows * windowDays) : cursor;
}

/** The last of the sorted `days` that is not after `day`, by binary search. */
function latestDayAtOrBefore(days: readonly string[], day: string): string | undefined {
  let low = 0;
  let high = days.length - 1;
  let found: string | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = days[middle] as string;
    if (candidate <= day) {
      found = candidate;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * The `windowDays` days before a window, clipped below at the start day; null when it ends before
 * the first day with data or the clipping leaves no day.
 */
function previousWindow(
  periodStart: string,
  first: string,
  startDay: string | undefined,
  windowDays: number,
): DayRange | null {
  const end = addDays(periodStart, -1);
  if (end < first) return null;

  const unclipped = addDays(periodStart, -windowDays);
  const start = startDay === undefined ? unclipped : maxDay(unclipped, startDay);
  return start <= end ? { start, end } : null;
}

// `YYYY-MM-DD` text orders like the days it names.
function maxDay(left: string, right: string): string {
  return left > right ? left : right;
}

function minDay(left: string, right: string): string {
  return left < right ? left : right;
}
