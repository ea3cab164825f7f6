import { exportContentType, exportFileName, parseExportFormat, renderExport } from '@finops/export';
import { parseFilterQuery, resolveEventFilter } from '@finops/reports';
import { formatDay, type TelemetryStore } from '@finops/store';
import { Hono } from 'hono';
import { ApiError } from './http-errors.js';

/** `GET /telemetry/export?format=csv|html|json`: the filtered events as a streamed download. */
export function exportRoute(store: TelemetryStore, now: () => number): Hono {
  const routes = new Hono();

  routes.get('/telemetry/export', async (c) => {
    const query = c.req.query();
    const format = parseExportFormat(query['format'] ?? 'csv');
    const bom = readFlag(query['bom'], 'bom');
    const params = parseFilterQuery(query);
    const filter = await resolveEventFilter(store, params);

    const chunks = renderExport(format, store.iterateEvents(filter), { bom, filters: filter });
    const fileName = exportFileName(format, formatDay(now()));
    return c.body(toByteStream(chunks), 200, {
      'content-type': exportContentType(format),
      'content-disposition': `attachment; filename="${fileName}"`,
    });
  });

  return routes;
}

/** A pull-based byte stream: rows are read only as fast as the client takes them. */
function toByteStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      // The client went away: stop reading rows from the database.
      await iterator.return?.();
    },
  });
}

function readFlag(value: string | undefined, parameter: string): boolean {
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new ApiError(
    'API_INVALID_PARAMETER',
    `${parameter} must be 1, 0, true or false, got ${JSON.stringify(value)}`,
    parameter,
  );
}
