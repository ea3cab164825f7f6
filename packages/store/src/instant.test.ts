import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayEndMs,
  dayStartMs,
  formatDay,
  formatInstant,
  parseInstant,
} from './instant.js';

describe('parseInstant', () => {
  it.each([
    ['2025-10-21T14:00:00Z', 1761055200000],
    ['2025-10-21T14:00:00z', 1761055200000],
    ['2025-10-21T14:00:00+00:00', 1761055200000],
    ['2025-10-21T11:00:00-03:00', 1761055200000],
    ['2025-10-21T19:30:00+05:30', 1761055200000],
    ['2025-10-21T19:30:00+0530', 1761055200000],
    ['2025-10-21T14:00:00', 1761055200000],
    ['2025-10-21 14:00:00Z', 1761055200000],
    ['2025-10-21T14:00Z', 1761055200000],
    ['  2025-10-21T14:00:00Z  ', 1761055200000],
    ['2025-10-21T14:00:00.123Z', 1761055200123],
    ['2025-10-21T14:00:00,123Z', 1761055200123],
    ['2025-10-21T14:00:00.123999Z', 1761055200123],
    ['2025-10-21T14:00:00.5Z', 1761055200500],
    ['2025-10-21T23:30:00-03:00', 1761100200000],
    ['2024-02-29T00:00:00Z', 1709164800000],
    ['1970-01-01T00:00:00Z', 0],
    ['0075-01-01T00:00:00Z', -59800377600000],
    ['0000-02-29T00:00:00Z', -62162121600000],
  ])('reads %j as %d', (text, ms) => {
    expect(parseInstant(text)).toEqual({ ok: true, ms });
  });

  it.each([
    ['2025-02-30T00:00:00Z', 'impossible date 2025-02-30'],
    ['2023-02-29T00:00:00Z', 'impossible date 2023-02-29'],
    ['1900-02-29T00:00:00Z', 'impossible date 1900-02-29'],
    ['2025-13-01T00:00:00Z', 'impossible date 2025-13-01'],
    ['2025-10-00T00:00:00Z', 'impossible date 2025-10-00'],
    ['2025-10-21T24:00:00Z', 'impossible time 24:00:00'],
    ['2025-10-21T14:60:00Z', 'impossible time 14:60:00'],
    ['2025-10-21T14:00:60Z', 'impossible time 14:00:60'],
    ['2025-10-21T14:00:00+24:00', 'impossible UTC offset +24:00'],
    ['2025-10-21T14:00:00+05:60', 'impossible UTC offset +05:60'],
    ['2025-10-21', 'expected an ISO 8601 timestamp, got "2025-10-21"'],
    ['yesterday', 'expected an ISO 8601 timestamp, got "yesterday"'],
    ['2025-10-21T14:00:00 UTC', 'expected an ISO 8601 timestamp, got "2025-10-21T14:00:00 UTC"'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseInstant(text)).toEqual({ ok: false, reason });
  });

  it('cuts a long unparseable text short in the reason', () => {
    const result = parseInstant('x'.repeat(60));

    expect(result).toEqual({
      ok: false,
      reason: `expected an ISO 8601 timestamp, got "${'x'.repeat(40)}…"`,
    });
  });
});

describe('formatInstant', () => {
  it.each([
    [1761055200000, '2025-10-21T14:00:00Z'],
    [1761055200123, '2025-10-21T14:00:00.123Z'],
    [1761055200500, '2025-10-21T14:00:00.500Z'],
    [0, '1970-01-01T00:00:00Z'],
  ])('renders %d as %s', (ms, text) => {
    expect(formatInstant(ms)).toBe(text);
  });

  it('round-trips an offset timestamp to its UTC text', () => {
    const parsed = parseInstant('2025-10-21T23:30:00-03:00');

    expect(parsed.ok && formatInstant(parsed.ms)).toBe('2025-10-22T02:30:00Z');
  });
});

describe('day helpers', () => {
  it.each([
    [1761100200000, '2025-10-22'],
    [1761091199999, '2025-10-21'],
    [1761091200000, '2025-10-22'],
  ])('formatDay puts %d on UTC day %s', (ms, day) => {
    expect(formatDay(ms)).toBe(day);
  });

  it('bounds a day from 00:00:00.000Z to 23:59:59.999Z', () => {
    expect(formatInstant(dayStartMs('2025-10-21'))).toBe('2025-10-21T00:00:00Z');
    expect(formatInstant(dayEndMs('2025-10-21'))).toBe('2025-10-21T23:59:59.999Z');
  });

  it.each([
    ['2025-10-21', 1, '2025-10-22'],
    ['2025-10-31', 1, '2025-11-01'],
    ['2025-10-08', -7, '2025-10-01'],
    ['2024-03-01', -1, '2024-02-29'],
  ])('addDays(%s, %d) is %s', (day, count, expected) => {
    expect(addDays(day, count)).toBe(expected);
  });
});

describe('parseInstant calendar arithmetic', () => {
  it('agrees with Date on month ends and leap days of every century', () => {
    const years = [0, 1, 4, 99, 100, 400, 1600, 1900, 1970, 2000, 2024, 2100, 2400, 9999];
    const days = [
      [1, 31],
      [2, 28],
      [2, 29],
      [3, 1],
      [4, 30],
      [12, 31],
    ] as const;
    for (const year of years) {
      for (const [month, day] of days) {
        const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T23:59:59.999Z`;
        const date = new Date(0);
        date.setUTCFullYear(year, month - 1, day);
        date.setUTCHours(23, 59, 59, 999);
        const result = parseInstant(text);
        if (date.getUTCDate() !== day) expect(result.ok, text).toBe(false);
        else expect(result, text).toEqual({ ok: true, ms: date.getTime() });
      }
    }
  });
});
