import { describe, expect, it } from 'vitest';
import { readCount, readFlag, readJsonObject } from './loose-values.js';
import { centsToUsd, nanoDollarsToUsd, sumUsd } from './money.js';

describe('readCount', () => {
  it.each([
    [1200, 1200],
    ['1200', 1200],
    ['41.0', 41],
    [' 7 ', 7],
    ['', undefined],
    [null, undefined],
  ])('reads %j as %j', (value, count) => {
    expect(readCount(value, 'input_tokens')).toBe(count);
  });

  it.each([['41.5'], [-1], ['12x'], [true]])('refuses %j, naming the field', (value) => {
    expect(() => readCount(value, 'input_tokens')).toThrow(
      expect.objectContaining({
        field: 'input_tokens',
        message: `expected a whole number, got ${JSON.stringify(value)}`,
      }),
    );
  });
});

describe('readFlag', () => {
  it.each([
    ['True', true],
    ['FALSE', false],
    [1, true],
    ['0', false],
    [true, true],
    ['None', null],
    ['', null],
  ])('reads %j as %j', (value, flag) => {
    expect(readFlag(value)).toBe(flag);
  });
});

describe('readJsonObject', () => {
  it('reads an object given as JSON text, as raw dumps write it', () => {
    expect(readJsonObject('{"job":"reindex"}')).toEqual({ job: 'reindex' });
    expect(readJsonObject('not json')).toBeUndefined();
  });
});

describe('money', () => {
  it('reads cents written as a decimal text', () => {
    expect(centsToUsd('123.45', 'amount')).toBe(1.2345);
    expect(centsToUsd('0.5', 'amount')).toBe(0.005);
  });

  it('reads ClickHouse nano-dollars', () => {
    expect(nanoDollarsToUsd('207000', 'cost')).toBe(0.000207);
    expect(nanoDollarsToUsd(null, 'cost')).toBeNull();
  });

  it('sums without binary noise and keeps a real zero', () => {
    expect(sumUsd([0.1, 0.2])).toBe(0.3);
    expect(sumUsd([0, null])).toBe(0);
    expect(sumUsd([null, null])).toBeNull();
  });
});
