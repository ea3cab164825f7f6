import { describe, expect, it } from 'vitest';
import { formatIsoWeek, getIsoWeek } from './iso-week.js';

describe('getIsoWeek', () => {
  it.each([
    ['2025-10-21', 2025, 43],
    ['2025-10-14', 2025, 42],
    ['2025-10-13', 2025, 42],
    ['2025-10-12', 2025, 41],
    ['2024-12-30', 2025, 1],
    ['2021-01-03', 2020, 53],
    ['2026-12-31', 2026, 53],
    ['2027-01-01', 2026, 53],
  ])('puts %s in week %i-%i', (day, year, week) => {
    expect(getIsoWeek(day)).toEqual({ year, week });
  });
});

describe('formatIsoWeek', () => {
  it('pads the week to two digits', () => {
    expect(formatIsoWeek({ year: 2025, week: 3 })).toBe('2025-03');
    expect(formatIsoWeek({ year: 2025, week: 43 })).toBe('2025-43');
  });
});
