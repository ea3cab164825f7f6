import type { StoredEvent } from '@finops/store';
import { stringify, type Options } from 'csv-stringify/sync';
import { exportColumns, toExportCells } from './export-row.js';
import { rowBatches } from './row-batches.js';

/** Options of {@link renderCsv}. */
export interface RenderCsvOptions {
  /** Start the document with a UTF-8 byte order mark (for spreadsheet apps); default false. */
  bom?: boolean;
}

/** First characters that make a spreadsheet read a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * csv-stringify only quotes a lone LF or CR when no `record_delimiter` is given, so with CRLF
 * records `a\nb` would be written bare and split the record for strict readers. Matching CR and
 * LF explicitly keeps every such cell quoted, as RFC 4180 asks.
 */
const csvOptions: Options = {
  delimiter: ',',
  quote: '"',
  escape: '"',
  record_delimiter: '\r\n',
  eof: true,
  quoted_match: [/[\r\n]/],
  cast: { string: guardFormula },
};

/**
 * Renders events as an RFC 4180 CSV document, a header chunk then one chunk per batch of events: CRLF
 * records, cells with a comma, quote, CR or LF quoted, null as an empty cell, and text cells a
 * spreadsheet would run as a formula prefixed with `'`. Iteration errors of `rows` pass through.
 *
 * @example for await (const chunk of renderCsv(store.iterateEvents({}))) output.push(chunk);
 */
export async function* renderCsv(
  rows: AsyncIterable<StoredEvent>,
  options: RenderCsvOptions = {},
): AsyncGenerator<string, void, undefined> {
  const columns = [...exportColumns];
  yield stringify([], { ...csvOptions, bom: options.bom === true, header: true, columns });

  for await (const batch of rowBatches(rows)) {
    yield stringify(batch.map(toExportCells), csvOptions);
  }
}

/** Prefixes a text cell that starts like a formula; number cells never reach this caster. */
function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
