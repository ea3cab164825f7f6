import type { StoredEvent } from '@finops/store';
import { toExportJsonRow } from './export-row.js';
import { rowBatches } from './row-batches.js';

/**
 * Renders events as a JSON array, one chunk per batch of events. The bytes equal
 * `JSON.stringify(rows, null, 2) + '\n'` of the whole array (`[]\n` when empty), yet only one row
 * is held at a time, so memory does not grow with the row count. Iteration errors of `rows` pass
 * through.
 *
 * @throws {ExportError} `EXPORT_INVALID_ROW` when an event's stored metadata is not a JSON object.
 * @example for await (const chunk of renderJson(store.iterateEvents({}))) output.push(chunk);
 */
export async function* renderJson(
  rows: AsyncIterable<StoredEvent>,
): AsyncGenerator<string, void, undefined> {
  let separator = '[\n';

  for await (const batch of rowBatches(rows)) {
    yield separator + batch.map((event) => indentRow(toExportJsonRow(event))).join(',\n');
    separator = ',\n';
  }

  yield separator === '[\n' ? '[]\n' : '\n]\n';
}

/**
 * A row as it sits inside a 2-space-indented array: each of its lines one level deeper. JSON text
 * never holds a raw line feed inside a string, so splitting on `\n` only splits between tokens.
 */
function indentRow(row: object): string {
  return `  ${JSON.stringify(row, null, 2).replaceAll('\n', '\n  ')}`;
}
