import type { EventFilter, StoredEvent } from '@finops/store';
import { renderCsv } from './csv-document.js';
import { parseExportFormat, type ExportFormat } from './export-format.js';
import { renderHtml } from './html-document.js';
import { renderJson } from './json-document.js';

/** Options of {@link renderExport}; each format reads the ones that concern it. */
export interface RenderExportOptions {
  /** CSV only: start with a UTF-8 byte order mark; default false. */
  bom?: boolean;
  /** HTML only: the filter the rows were read with, named in the document's filter line. */
  filters?: EventFilter;
}

/**
 * Renders events as a CSV, HTML or JSON document, streamed as text chunks: rows are pulled one
 * at a time as the chunks are consumed, and stopping the iteration stops reading rows. The same
 * rows and options always give the same bytes.
 *
 * @throws {ExportError} `EXPORT_UNKNOWN_FORMAT` (parameter `format`) and `EXPORT_INVALID_FILTER`
 *   (parameter `start` or `end`) from this call, before any row is read; `EXPORT_INVALID_ROW`
 *   while iterating, for an event whose stored metadata is not a JSON object.
 * @example
 * for await (const chunk of renderExport('csv', store.iterateEvents(filter))) out.push(chunk);
 */
export function renderExport(
  format: ExportFormat,
  rows: AsyncIterable<StoredEvent>,
  options: RenderExportOptions = {},
): AsyncIterable<string> {
  switch (parseExportFormat(format)) {
    case 'csv':
      return renderCsv(rows, { bom: options.bom === true });
    case 'html':
      return renderHtml(rows, { filters: options.filters });
    case 'json':
      return renderJson(rows);
  }
}
