import type { StoredEvent } from '@finops/store';
import type { ExportFormat } from './export-format.js';
import { watchDestination } from './destination-watch.js';
import { renderExport, type RenderExportOptions } from './render-export.js';
import { countedRows } from './row-batches.js';

/** Options of {@link writeExport}. */
export interface WriteExportOptions extends RenderExportOptions {
  /** End the destination after the last chunk and wait until it has flushed; default true. */
  end?: boolean;
}

/** What {@link writeExport} wrote. */
export interface WriteExportResult {
  /** Events read from `rows` and written. */
  rowCount: number;
  /** UTF-8 bytes handed to the destination. */
  byteCount: number;
}

/**
 * Streams an export document into a writable stream (a file, an HTTP response). It waits for
 * `drain` whenever `write` asks it to, so a slow destination holds only a bounded amount of text,
 * and it stops reading rows as soon as the destination errors or closes (a client that
 * disconnects). Pass `end: false` for a stream that must stay open, such as standard output.
 *
 * @throws {ExportError} `EXPORT_UNKNOWN_FORMAT` and `EXPORT_INVALID_FILTER` before anything is
 *   written; `EXPORT_INVALID_ROW` for a row whose metadata is not a JSON object;
 *   `EXPORT_WRITE_FAILED` when the destination errors or closes early (the failure as `cause`).
 * @example await writeExport('csv', store.iterateEvents(filter), createWriteStream('out.csv'));
 */
export async function writeExport(
  format: ExportFormat,
  rows: AsyncIterable<StoredEvent>,
  destination: NodeJS.WritableStream,
  options: WriteExportOptions = {},
): Promise<WriteExportResult> {
  const counted = { rowCount: 0 };
  const chunks = renderExport(format, countedRows(rows, counted), options);
  const watch = watchDestination(destination);
  let byteCount = 0;

  try {
    for await (const chunk of chunks) {
      watch.assertOpen();
      byteCount += Buffer.byteLength(chunk);
      if (!destination.write(chunk)) await watch.drained();
    }
    watch.assertOpen();

    if (options.end !== false) {
      destination.end();
      await watch.finished();
    }
  } finally {
    watch.dispose();
  }

  return { rowCount: counted.rowCount, byteCount };
}
