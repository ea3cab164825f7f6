import { describe, expect, it } from 'vitest';
import {
  epochSecondsToInstant,
  nanosToInstant,
  readEpochNanos,
  readIsoInstant,
  secondsToMs,
  shiftDecimal,
} from './instants.js';

describe('readEpochNanos and nanosToInstant', () => {
  it('keeps nanoseconds past 2^53 exact, where a float would round up a millisecond', () => {
    const nanos = readEpochNanos('1741597200123999999', 'startTimeUnixNano');

    expect(nanos).toBe(1_741_597_200_123_999_999n);
    expect(nanosToInstant(nanos)).toBe('2025-03-10T09:00:00.123Z');
    expect(new Date(Number('1741597200123999999') / 1e6).toISOString()).toBe(
      '2025-03-10T09:00:00.124Z',
    );
  });

  it.each([['12.5'], ['-1'], [1.5e18], [null]])('refuses %j', (value) => {
    expect(() => readEpochNanos(value, 'startTimeUnixNano')).toThrow(
      /^expected whole nanoseconds as text, got /,
    );
  });
});

describe('epochSecondsToInstant', () => {
  it.each([
    [1741564800, '2025-03-10T00:00:00Z'],
    [1741687200.5, '2025-03-11T10:00:00.500Z'],
    ['1741687200.1239', '2025-03-11T10:00:00.123Z'],
    [1736937000.123, '2025-01-15T10:30:00.123Z'],
  ])('reads %j as %s', (seconds, instant) => {
    expect(epochSecondsToInstant(seconds, 'startTime')).toBe(instant);
  });
});

describe('readIsoInstant', () => {
  it.each([
    ['2025-01-15 10:30:00.123', '2025-01-15T10:30:00.123Z'],
    ['2025-01-15T10:30:00.120000Z', '2025-01-15T10:30:00.120Z'],
    ['2025-01-15T07:30:00-03:00', '2025-01-15T10:30:00Z'],
  ])('reads %s as %s, a missing zone as UTC', (text, instant) => {
    expect(readIsoInstant(text, 'created_at')).toBe(instant);
  });

  it('names the field of an impossible date', () => {
    expect(() => readIsoInstant('2025-02-30 10:00:00', 'created_at')).toThrow(
      expect.objectContaining({ field: 'created_at', message: 'impossible date 2025-02-30' }),
    );
  });
});

describe('secondsToMs and shiftDecimal', () => {
  it.each([
    [2.4, 2400],
    ['0.58', 580],
    [1.0005, 1001],
    [5, 5000],
  ])('reads %j seconds as %i ms', (seconds, ms) => {
    expect(secondsToMs(seconds, 'latency')).toBe(ms);
  });

  it.each([
    [1.5e-7, 0.00015],
    [3e-6, 0.003],
    [0.000015, 0.015],
    [1.25e-10, 1.25e-7],
  ])('multiplies %d by 1000 on its digits: %d', (value, shifted) => {
    expect(shiftDecimal(value, 3)).toBe(shifted);
  });
});
