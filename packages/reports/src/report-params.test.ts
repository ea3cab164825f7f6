import { describe, expect, it } from 'vitest';
import { isReportError } from './errors.js';
import { parseReportQuery } from './report-params.js';

function captureError(query: Record<string, string | undefined>): unknown {
  try {
    parseReportQuery(query);
  } catch (error) {
    return error;
  }
  throw new Error('expected parseReportQuery to throw');
}

describe('parseReportQuery', () => {
  it('applies the defaults to an empty query', () => {
    expect(parseReportQuery({})).toStrictEqual({
      windowDays: 7,
      limit: 4,
      locale: 'pt-BR',
      thresholds: { attention: 0.03, regression: 0.08 },
    });
  });

  it('reads every parameter of a full query', () => {
    const params = parseReportQuery({
      start: '2025-10-08T00:00:00Z',
      end: '2025-10-21T20:59:59-03:00',
      provider_id: 'glm46',
      lane: 'turbo',
      route: 'default',
      window_days: '14',
      limit: '12',
      locale: 'en',
      attention_threshold: '0.05',
      regression_threshold: '0.1',
    });

    expect(params).toEqual({
      start: 1_759_881_600_000,
      end: 1_761_091_199_000,
      providerId: 'glm46',
      lane: 'turbo',
      route: 'default',
      windowDays: 14,
      limit: 12,
      locale: 'en',
      thresholds: { attention: 0.05, regression: 0.1 },
    });
  });

  it('ignores keys it does not know', () => {
    expect(parseReportQuery({ format: 'csv', window_days: '1' }).windowDays).toBe(1);
  });

  it('accepts start equal to end', () => {
    const params = parseReportQuery({ start: '2025-10-21T00:00:00Z', end: '2025-10-21T00:00:00Z' });
    expect([params.start, params.end]).toEqual([1_761_004_800_000, 1_761_004_800_000]);
  });

  it.each([
    ['window_days', { window_days: '0' }, 'REPORT_INVALID_PARAMETER'],
    ['window_days', { window_days: 'abc' }, 'REPORT_INVALID_PARAMETER'],
    ['window_days', { window_days: '7.5' }, 'REPORT_INVALID_PARAMETER'],
    ['window_days', { window_days: '91' }, 'REPORT_INVALID_PARAMETER'],
    ['window_days', { window_days: '' }, 'REPORT_INVALID_PARAMETER'],
    ['limit', { limit: '0' }, 'REPORT_INVALID_PARAMETER'],
    ['limit', { limit: '13' }, 'REPORT_INVALID_PARAMETER'],
    ['limit', { limit: '-1' }, 'REPORT_INVALID_PARAMETER'],
    ['locale', { locale: 'fr' }, 'REPORT_INVALID_PARAMETER'],
    ['lane', { lane: 'fast' }, 'REPORT_INVALID_PARAMETER'],
    ['provider_id', { provider_id: '' }, 'REPORT_INVALID_PARAMETER'],
    ['start', { start: 'yesterday' }, 'REPORT_INVALID_PARAMETER'],
    ['start', { start: '2025-02-30T00:00:00Z' }, 'REPORT_INVALID_PARAMETER'],
    ['end', { end: '2025-10-21T24:00:00Z' }, 'REPORT_INVALID_PARAMETER'],
    ['attention_threshold', { attention_threshold: 'high' }, 'REPORT_INVALID_PARAMETER'],
    ['attention_threshold', { attention_threshold: '0.09' }, 'REPORT_INVALID_PARAMETER'],
    ['regression_threshold', { regression_threshold: '0.01' }, 'REPORT_INVALID_PARAMETER'],
    [
      'start',
      { start: '2025-10-22T00:00:00Z', end: '2025-10-21T23:59:59Z' },
      'REPORT_INVALID_WINDOW',
    ],
  ])('rejects a bad %s (%o)', (parameter, query, code) => {
    const error = captureError(query);

    expect(isReportError(error)).toBe(true);
    expect(error).toMatchObject({ code, parameter });
  });

  it('says what was expected and what was received', () => {
    expect(captureError({ window_days: '7.5' })).toMatchObject({
      message:
        'invalid window_days: expected an integer from 1 to 90 (for example 7), received "7.5"',
    });
    expect(captureError({ lane: 'fast' })).toMatchObject({
      message: 'invalid lane: expected one of economy, balanced, turbo, received "fast"',
    });
    expect(captureError({ start: '2025-02-30T00:00:00Z' })).toMatchObject({
      message: 'invalid start: impossible date 2025-02-30',
    });
    expect(
      captureError({ start: '2025-10-22T00:00:00Z', end: '2025-10-21T00:00:00Z' }),
    ).toMatchObject({
      message: 'invalid start: expected start to be on or before end',
    });
  });

  it('cuts a long received value short in the message', () => {
    const error = captureError({ locale: 'x'.repeat(60) });
    expect(error).toMatchObject({
      message: `invalid locale: expected one of pt-BR, en, received "${'x'.repeat(40)}…"`,
    });
  });
});
