import { ExportError } from '@finops/export';
import { ReportError } from '@finops/reports';
import { StoreError } from '@finops/store';
import { describe, expect, it } from 'vitest';
import { ApiError, toErrorResponse } from './http-errors.js';

describe('toErrorResponse', () => {
  it.each([
    [
      new ApiError('API_UNAUTHORIZED', 'no token', 'authorization'),
      401,
      'API_UNAUTHORIZED',
      'authorization',
    ],
    [new ApiError('API_NOT_FOUND', 'no route'), 404, 'API_NOT_FOUND', null],
    [new ApiError('API_BODY_TOO_LARGE', 'too big', 'body'), 413, 'API_BODY_TOO_LARGE', 'body'],
    [new ApiError('API_INVALID_BODY', 'empty', 'body'), 400, 'API_INVALID_BODY', 'body'],
    [
      new ReportError('REPORT_INVALID_PARAMETER', 'bad', { parameter: 'limit' }),
      400,
      'REPORT_INVALID_PARAMETER',
      'limit',
    ],
    [
      new ReportError('REPORT_INVALID_WINDOW', 'bad', { parameter: 'start' }),
      400,
      'REPORT_INVALID_WINDOW',
      'start',
    ],
    [
      new ReportError('REPORT_INVALID_CURSOR', 'bad', { parameter: 'cursor' }),
      400,
      'REPORT_INVALID_CURSOR',
      'cursor',
    ],
    [new ReportError('REPORT_INVALID_PARAMETER', 'bad'), 400, 'REPORT_INVALID_PARAMETER', null],
    [
      new ExportError('EXPORT_UNKNOWN_FORMAT', 'bad', { parameter: 'format' }),
      400,
      'EXPORT_UNKNOWN_FORMAT',
      'format',
    ],
    [
      new ExportError('EXPORT_INVALID_FILTER', 'bad', { parameter: 'end' }),
      400,
      'EXPORT_INVALID_FILTER',
      'end',
    ],
    [new ExportError('EXPORT_WRITE_FAILED', 'bad'), 500, 'EXPORT_WRITE_FAILED', null],
    [
      new StoreError('STORE_INVALID_INPUT', 'bad', { field: 'ts' }),
      400,
      'STORE_INVALID_INPUT',
      'ts',
    ],
    [
      new StoreError('STORE_SOURCE_UNREADABLE', 'bad', { field: 'source' }),
      400,
      'STORE_SOURCE_UNREADABLE',
      'source',
    ],
    [new StoreError('STORE_QUERY_FAILED', 'bad'), 503, 'STORE_QUERY_FAILED', null],
    [new StoreError('STORE_OPEN_FAILED', 'bad'), 503, 'STORE_OPEN_FAILED', null],
  ])('maps %s to %i with its code and parameter', (error, status, code, parameter) => {
    expect(toErrorResponse(error)).toEqual({
      status,
      body: { error: { code, message: error.message, parameter } },
    });
  });

  it.each([
    ['an Error', new Error('secret detail at /var/db')],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['an object with a code', { code: 'REPORT_INVALID_PARAMETER', message: 'looks known' }],
  ])('maps %s to a 500 that reveals nothing', (_, error) => {
    expect(toErrorResponse(error)).toEqual({
      status: 500,
      body: { error: { code: 'API_INTERNAL', message: 'internal error', parameter: null } },
    });
  });
});
