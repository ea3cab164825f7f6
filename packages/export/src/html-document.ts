import { formatInstant, type EventFilter, type StoredEvent } from '@finops/store';
import Mustache from 'mustache';
import { ExportError, quoteReceived } from './export-error.js';
import { exportColumns, toExportRow, type ExportColumn } from './export-row.js';
import {
  htmlEmptyTemplate,
  htmlHeadTemplate,
  htmlRowTemplate,
  htmlTailTemplate,
} from './html-template.js';

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /** The filter the rows were read with; a document made with filters names them. */
  filters?: EventFilter;
}

/**
 * Mustache's own HTML escaping, taken before any caller can replace the global `Mustache.escape`.
 * A private writer keeps this package's template cache apart from the caller's.
 */
const escapeHtml = Mustache.escape;
const writer = new Mustache.Writer();

/**
 * Renders events as a self-contained HTML document (inline stylesheet, no script), streamed as
 * a head chunk, one chunk per event, and a tail chunk. Every value is escaped by mustache; with
 * no events the table holds one row reading `No telemetry events found.` Iteration errors of
 * `rows` pass through.
 *
 * @throws {ExportError} `EXPORT_INVALID_FILTER` (parameter `start` or `end`) when a filter bound
 *   is not a valid instant; thrown by this call, before any row is read.
 * @example for await (const chunk of renderHtml(rows, { filters: { route: 'default' } })) …
 */
export function renderHtml(
  rows: AsyncIterable<StoredEvent>,
  options: RenderHtmlOptions = {},
): AsyncGenerator<string, void, undefined> {
  const filterText = describeFilters(options.filters);

  return streamHtml(rows, filterText);
}

async function* streamHtml(
  rows: AsyncIterable<StoredEvent>,
  filterText: string | null,
): AsyncGenerator<string, void, undefined> {
  yield render(htmlHeadTemplate, { filterText });

  let empty = true;
  for await (const event of rows) {
    empty = false;
    yield render(htmlRowTemplate, cellTexts(event));
  }

  if (empty) yield render(htmlEmptyTemplate, {});
  yield render(htmlTailTemplate, {});
}

function render(template: string, view: object): string {
  return writer.render(template, view, undefined, { escape: escapeText });
}

/**
 * HTML parsers turn a literal CR into LF, so a CR is written as a character reference to keep
 * every cell's text equal to the stored value.
 */
function escapeText(value: unknown): string {
  return escapeHtml(value).replace(/\r/g, '&#13;');
}

/** A row's cells as the table shows them: null as an empty cell, numbers in plain form. */
function cellTexts(event: StoredEvent): Record<ExportColumn, string> {
  const row = toExportRow(event);
  const cells = {} as Record<ExportColumn, string>;
  for (const column of exportColumns) {
    const value = row[column];
    cells[column] = value === null ? '' : String(value);
  }
  return cells;
}

/** The filter line's text, naming each filter given; null when there is none. */
function describeFilters(filters: EventFilter | undefined): string | null {
  if (filters === undefined) return null;

  const parts: string[] = [];
  if (filters.start !== undefined) parts.push(`start ${formatBound(filters.start, 'start')}`);
  if (filters.end !== undefined) parts.push(`end ${formatBound(filters.end, 'end')}`);
  if (filters.providerIds !== undefined) {
    parts.push(`provider ${filters.providerIds.join(', ') || '(none)'}`);
  }
  if (filters.route !== undefined) parts.push(`route ${filters.route}`);

  return parts.length > 0 ? parts.join('; ') : null;
}

function formatBound(ms: number, parameter: 'start' | 'end'): string {
  if (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15) return formatInstant(ms);

  const expected = 'expected epoch milliseconds (for example 1761055200000)';
  const message = `Invalid ${parameter} filter: ${expected}, got ${quoteReceived(ms)}.`;
  throw new ExportError('EXPORT_INVALID_FILTER', message, { parameter });
}
