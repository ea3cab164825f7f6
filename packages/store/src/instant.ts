/** Milliseconds in a UTC day. */
const DAY_MS = 86_400_000;

/** Pattern of the ISO 8601 instants events carry: date, time, optional fraction and offset. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

/** Result of reading an instant: epoch milliseconds, or why the text is not one. */
export type InstantResult = { ok: true; ms: number } | { ok: false; reason: string };

/**
 * Reads an ISO 8601 instant. A missing offset means UTC; fractions past milliseconds are
 * truncated; impossible calendar dates and times (`2025-02-30`, `24:00`) are refused.
 *
 * @example parseInstant('2025-10-21T11:00:00-03:00') // { ok: true, ms: 1761055200000 }
 */
export function parseInstant(text: string): InstantResult {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return { ok: false, reason: `expected an ISO 8601 timestamp, got ${quote(text)}` };

  const [, y, mo, d, h, mi, s = '0', fraction = '', offset = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `impossible date ${y}-${mo}-${d}` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `impossible time ${h}:${mi}:${s.padStart(2, '0')}` };
  }

  const offsetMinutes = readOffset(offset);
  if (offsetMinutes === null) return { ok: false, reason: `impossible UTC offset ${offset}` };

  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const local = utcMs(year, month - 1, day, hour, minute, second, millis);
  const ms = local - offsetMinutes * 60_000;
  if (!Number.isFinite(ms)) return { ok: false, reason: `timestamp out of range: ${quote(text)}` };
  return { ok: true, ms };
}

function readOffset(offset: string): number | null {
  if (offset === 'Z' || offset === 'z') return 0;
  const digits = offset.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (hours > 23 || minutes > 59) return null;
  const total = hours * 60 + minutes;
  return digits.startsWith('-') ? -total : total;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in `month` (1–12) of `year`, on the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] as number);
}

/**
 * Days from 1970-01-01 to a date (`month` 1–12) on the proleptic Gregorian calendar, counted in
 * whole 400-year cycles of 146,097 days from a year that starts in March, so leap days fall last.
 */
function epochDay(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const cycle = Math.floor(marchYear / 400);
  const yearOfCycle = marchYear - cycle * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfCycle =
    yearOfCycle * 365 + Math.floor(yearOfCycle / 4) - Math.floor(yearOfCycle / 100) + dayOfYear;
  return cycle * 146_097 + dayOfCycle - 719_468;
}

/** Epoch milliseconds of a UTC date and time; the years 0–99 are not read as 1900–1999. */
function utcMs(
  year: number,
  monthIndex: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
) {
  return (
    epochDay(year, monthIndex + 1, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms
  );
}

function quote(text: string): string {
  const cut = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(cut);
}

/** Renders an instant as UTC with a `Z`, milliseconds only when non-zero. */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/** The UTC day (`YYYY-MM-DD`) of an instant. */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Epoch milliseconds of 00:00:00.000Z of a `YYYY-MM-DD` day. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** Epoch milliseconds of 23:59:59.999Z of a `YYYY-MM-DD` day. */
export function dayEndMs(day: string): number {
  return dayStartMs(day) + DAY_MS - 1;
}

/** The day `count` days after `day` (negative counts go back). */
export function addDays(day: string, count: number): string {
  return formatDay(dayStartMs(day) + count * DAY_MS);
}

export { DAY_MS };
