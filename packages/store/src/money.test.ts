import { describe, expect, it } from 'vitest';
import { decimalToScaled, divideRounded, nanosToUsd, usdToNanos } from './money.js';

describe('usdToNanos', () => {
  it.each([
    [9.6, 9_600_000_000n],
    [0.1, 100_000_000n],
    [0, 0n],
    [151.45, 151_450_000_000n],
    [0.1 + 0.2, 300_000_000n],
    [1e-7, 100n],
    [1.5e-7, 150n],
    [1e-10, 0n],
    [5e-10, 1n],
    [0.0000000014, 1n],
    [0.0000000015, 2n],
    [1e21, 1_000_000_000_000_000_000_000_000_000_000n],
  ])('converts %d USD to %d nanos', (usd, nanos) => {
    expect(usdToNanos(usd)).toBe(nanos);
  });
});

describe('nanosToUsd', () => {
  it.each([
    [9_600_000_000n, 6, 9.6],
    [151_450_000_000n, 6, 151.45],
    [300_000_000n, 6, 0.3],
    [1_234_567_890n, 6, 1.234568],
    [1_234_567_890n, 2, 1.23],
    [1_234_567_890n, 9, 1.23456789],
    [500n, 6, 0.000001],
    [499n, 6, 0],
  ])('renders %d nanos with %d decimals as %d', (nanos, decimals, usd) => {
    expect(nanosToUsd(nanos, decimals)).toBe(usd);
  });

  it('sums ten costs of 0.1 to exactly 1', () => {
    const total = Array.from({ length: 10 }, () => usdToNanos(0.1)).reduce(
      (sum, nanos) => sum + nanos,
      0n,
    );

    expect(total).toBe(1_000_000_000n);
    expect(nanosToUsd(total)).toBe(1);
    expect(String(nanosToUsd(usdToNanos(0.1) + usdToNanos(0.2)))).toBe('0.3');
  });
});

describe('divideRounded', () => {
  it.each([
    [5n, 2n, 3n],
    [4n, 2n, 2n],
    [7n, 2n, 4n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
  ])('divides %d by %d to %d, half away from zero', (numerator, denominator, quotient) => {
    expect(divideRounded(numerator, denominator)).toBe(quotient);
  });
});

describe('decimalToScaled', () => {
  it.each([
    ['1', 3, 1000n],
    ['0.0025', 9, 2_500_000n],
    ['1.2345', 3, 1235n],
    ['1.2344', 3, 1234n],
    ['12.', 2, 1200n],
  ])('scales %s by 10^%d to %d', (text, scale, scaled) => {
    expect(decimalToScaled(text, scale)).toBe(scaled);
  });
});

describe('usdToNanos on amounts of up to nine decimals', () => {
  it('is exact for 2,000 seeded amounts up to a million dollars', () => {
    let state = 42;
    const next = () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state;
    };
    for (let index = 0; index < 2_000; index += 1) {
      const nanos = BigInt(next() % 1_000_000) * 1_000_000_000n + BigInt(next() % 1_000_000_000);
      const text = `${nanos / 1_000_000_000n}.${String(nanos % 1_000_000_000n).padStart(9, '0')}`;

      expect(usdToNanos(Number(text))).toBe(nanos);
    }
  });

  it('rounds amounts with more decimals half up at the ninth', () => {
    expect([usdToNanos(0.1234567894), usdToNanos(0.1234567895), usdToNanos(1e-10)]).toEqual([
      123_456_789n,
      123_456_790n,
      0n,
    ]);
  });
});
