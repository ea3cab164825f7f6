import { describe, expect, it } from 'vitest';
import { ExportError } from './export-error.js';
import {
  exportContentType,
  exportFileName,
  exportFormats,
  isExportFormat,
  parseExportFormat,
  type ExportFormat,
} from './export-format.js';

function caught(run: () => unknown): ExportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExportError) return error;
    throw error;
  }
  throw new Error('expected an ExportError');
}

describe('parseExportFormat', () => {
  it.each(exportFormats)('accepts %s', (format) => {
    expect(parseExportFormat(format)).toBe(format);
    expect(isExportFormat(format)).toBe(true);
  });

  it.each(['xlsx', 'CSV', ' csv', '', 42, null])('refuses %j, naming the parameter', (text) => {
    const error = caught(() => parseExportFormat(text));

    expect(error.code).toBe('EXPORT_UNKNOWN_FORMAT');
    expect(error.parameter).toBe('format');
    expect(isExportFormat(text)).toBe(false);
  });

  it('says what was expected and what it got, cut short', () => {
    const error = caught(() => parseExportFormat('x'.repeat(60)));

    expect(error.message).toBe(
      'unknown export format: expected one of csv, html, json (for example "csv"), ' +
        `got "${'x'.repeat(40)}…"`,
    );
  });
});

describe('exportContentType', () => {
  it.each([
    ['csv', 'text/csv; charset=utf-8'],
    ['html', 'text/html; charset=utf-8'],
    ['json', 'application/json'],
  ] as const)('gives %s documents the type %s', (format, type) => {
    expect(exportContentType(format)).toBe(type);
  });

  it('refuses an unknown format', () => {
    expect(caught(() => exportContentType('pdf' as ExportFormat)).code).toBe(
      'EXPORT_UNKNOWN_FORMAT',
    );
  });
});

describe('exportFileName', () => {
  it.each([
    ['csv', 'telemetry_export_2025-10-21.csv'],
    ['html', 'telemetry_export_2025-10-21.html'],
    ['json', 'telemetry_export_2025-10-21.json'],
  ] as const)('names a %s export %s', (format, name) => {
    expect(exportFileName(format, '2025-10-21')).toBe(name);
  });

  it.each(['2025-02-30', '2025-10-21T00:00:00Z', '21/10/2025', '../etc'])(
    'refuses the day %s',
    (day) => {
      const error = caught(() => exportFileName('csv', day));

      expect(error.code).toBe('EXPORT_INVALID_DAY');
      expect(error.parameter).toBe('day');
    },
  );
});
