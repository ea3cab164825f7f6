import { DAY_MS, dayStartMs } from '@finops/store';

/** An ISO 8601 week: the week-numbering year and the week number (1–53). */
export interface IsoWeek {
  year: number;
  week: number;
}

/**
 * The ISO 8601 week of a UTC day (`YYYY-MM-DD`). Weeks start on Monday and belong to the year
 * of their Thursday, so 2024-12-30 is in week 1 of 2025.
 *
 * @example getIsoWeek('2025-10-21') // { year: 2025, week: 43 }
 */
export function getIsoWeek(day: string): IsoWeek {
  const start = dayStartMs(day);
  const weekday = (new Date(start).getUTCDay() + 6) % 7;
  const thursday = start + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { year, week };
}

/**
 * The week as sprint ids and names print it: year, a dash, two-digit week.
 *
 * @example formatIsoWeek({ year: 2025, week: 3 }) // '2025-03'
 */
export function formatIsoWeek(isoWeek: IsoWeek): string {
  return `${isoWeek.year}-${String(isoWeek.week).padStart(2, '0')}`;
}
