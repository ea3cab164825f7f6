import { describe, expect, it } from 'vitest';
import { formatNumber, formatSignedPercent, formatSignedUsd, formatUsd } from './report-cells.js';

describe('formatUsd', () => {
  it.each([
    [151.45, '151.45'],
    [7.5, '7.50'],
    [0, '0.00'],
    [0.000001, '0.000001'],
    [1234567.125, '1,234,567.125'],
    [-13.9, '−13.90'],
  ])('writes %s as %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });

  it('signs a change only when it is not zero', () => {
    expect([7.5, 0, -4.83].map(formatSignedUsd)).toEqual(['+7.50', '0.00', '−4.83']);
  });
});

describe('formatSignedPercent', () => {
  it.each([
    [-0.069031, '−6.9%'],
    [0.146199, '+14.6%'],
    [0, '0.0%'],
    [1.5, '+150.0%'],
  ])('writes the ratio %s as %s', (ratio, text) => {
    expect(formatSignedPercent(ratio)).toBe(text);
  });
});

describe('formatNumber', () => {
  it.each([
    [72120, {}, '72,120'],
    [935.476, {}, '935.476'],
    [2060, { signed: true }, '+2,060'],
    [-3670, { signed: true }, '−3,670'],
    [0, { signed: true }, '0'],
  ])('writes %s (%j) as %s', (value, options, text) => {
    expect(formatNumber(value, options)).toBe(text);
  });
});
