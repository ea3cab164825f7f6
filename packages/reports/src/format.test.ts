import { describe, expect, it } from 'vitest';
import { formatMillionTokens, formatPercent, roundAverage, roundRatio } from './format.js';

describe('roundRatio', () => {
  it('rounds to 6 decimals, half away from zero', () => {
    expect(roundRatio(1n, 3n)).toBe(0.333333);
    expect(roundRatio(2n, 3n)).toBe(0.666667);
    expect(roundRatio(1n, 2_000_000n)).toBe(0.000001);
    expect(roundRatio(-1n, 2_000_000n)).toBe(-0.000001);
    expect(roundRatio(1n, 8_000_000n)).toBe(0);
  });

  it('is exact where floating point is not', () => {
    expect(roundRatio(-11_230_000_000n, 162_680_000_000n)).toBe(-0.069031);
    expect(roundRatio(3n, 10n)).toBe(0.3);
  });

  it('is 0 for a zero denominator', () => {
    expect(roundRatio(5n, 0n)).toBe(0);
  });
});

describe('roundAverage', () => {
  it('rounds to 3 decimals by default', () => {
    expect(roundAverage(19_645, 21)).toBe(935.476);
    expect(roundAverage(1, 8)).toBe(0.125);
    expect(roundAverage(1, 16)).toBe(0.063);
  });

  it('honours another number of decimals', () => {
    expect(roundAverage(2, 3, 1)).toBe(0.7);
  });

  it('is 0 without a count', () => {
    expect(roundAverage(0, 0)).toBe(0);
  });
});

describe('formatPercent', () => {
  it.each([
    [-0.069031, '6.9%'],
    [0.146199, '14.6%'],
    [0.000499, '0.0%'],
    [0.0005, '0.1%'],
    [0.0345, '3.5%'],
    [-0.0345, '3.5%'],
    [1.5, '150.0%'],
    [0, '0.0%'],
  ])('renders %d as %s', (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });
});

describe('formatMillionTokens', () => {
  it.each([
    [101_800, '0.10'],
    [105_265, '0.11'],
    [5_000, '0.01'],
    [4_999, '0.00'],
    [12_345_678, '12.35'],
    [0, '0.00'],
  ])('renders %d tokens as %s', (tokens, text) => {
    expect(formatMillionTokens(tokens)).toBe(text);
  });
});
