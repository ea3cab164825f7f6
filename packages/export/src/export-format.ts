import { ExportError, quoteReceived } from './export-error.js';

/** The document formats an export can be rendered in. */
export const exportFormats = ['csv', 'html', 'json'] as const;

/** One of {@link exportFormats}. */
export type ExportFormat = (typeof exportFormats)[number];

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
};

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Tells whether a value is one of {@link exportFormats}; throws nothing. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (exportFormats as readonly string[]).includes(value);
}

/**
 * Reads an export format from outside input (a query parameter, a CLI flag). Matching is exact:
 * `CSV` or ` csv` is refused rather than coerced.
 *
 * @throws {ExportError} `EXPORT_UNKNOWN_FORMAT` (parameter `format`) for anything else.
 * @example parseExportFormat('html') // 'html'
 */
export function parseExportFormat(text: unknown): ExportFormat {
  if (isExportFormat(text)) return text;

  const expected = `expected one of ${exportFormats.join(', ')} (for example "csv")`;
  throw new ExportError(
    'EXPORT_UNKNOWN_FORMAT',
    `unknown export format: ${expected}, got ${quoteReceived(text)}`,
    { parameter: 'format' },
  );
}

/**
 * The HTTP `Content-Type` of a format's document.
 *
 * @throws {ExportError} `EXPORT_UNKNOWN_FORMAT` (parameter `format`) for an unknown format.
 * @example exportContentType('csv') // 'text/csv; charset=utf-8'
 */
export function exportContentType(format: ExportFormat): string {
  return contentTypes[parseExportFormat(format)];
}

/**
 * The download file name of an export made for a UTC day, for a `Content-Disposition` header.
 *
 * @throws {ExportError} `EXPORT_UNKNOWN_FORMAT` (parameter `format`) for an unknown format, and
 *   `EXPORT_INVALID_DAY` (parameter `day`) when `day` is not a real `YYYY-MM-DD` date.
 * @example exportFileName('csv', '2025-10-21') // 'telemetry_export_2025-10-21.csv'
 */
export function exportFileName(format: ExportFormat, day: string): string {
  const extension = parseExportFormat(format);
  if (!isCalendarDay(day)) {
    const expected = 'expected a YYYY-MM-DD date (for example "2025-10-21")';
    throw new ExportError(
      'EXPORT_INVALID_DAY',
      `Invalid export day: ${expected}, got ${quoteReceived(day)}.`,
      { parameter: 'day' },
    );
  }

  return `telemetry_export_${day}.${extension}`;
}

function isCalendarDay(day: unknown): day is string {
  if (typeof day !== 'string' || !DAY_PATTERN.test(day)) return false;

  const ms = Date.parse(`${day}T00:00:00.000Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(day);
}
