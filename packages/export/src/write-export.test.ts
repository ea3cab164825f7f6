import { once } from 'node:events';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { PagedRows, StoredEvent } from '@finops/store';
import { collect, countingSource, eventsOf, sampleEvents } from './_test-events.js';
import { isExportError, type ExportError } from './export-error.js';
import type { ExportFormat } from './export-format.js';
import { renderExport } from './render-export.js';
import { writeExport } from './write-export.js';

/** A destination that takes 1 ms per chunk behind a 64-byte buffer, recording what it got. */
function slowDestination() {
  const received: Buffer[] = [];
  const seen = { maxBuffered: 0, drains: 0 };
  const destination = new Writable({
    highWaterMark: 64,
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk);
      setTimeout(callback, 1);
    },
  });
  const write = destination.write.bind(destination);
  destination.write = ((chunk: string) => {
    const ok = write(chunk);
    seen.maxBuffered = Math.max(seen.maxBuffered, destination.writableLength);
    return ok;
  }) as typeof destination.write;
  destination.on('drain', () => (seen.drains += 1));
  return { destination, seen, text: () => Buffer.concat(received).toString('utf8') };
}

async function rejection(promise: Promise<unknown>): Promise<ExportError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  if (isExportError(error)) return error;
  throw error;
}

describe('writeExport', () => {
  it.each(['csv', 'html', 'json'] as const)(
    'delivers every %s byte in order to a slow destination, waiting for drain',
    async (format: ExportFormat) => {
      // CSV and JSON write one chunk per batch of 256 events, HTML one per event.
      const count = format === 'html' ? 60 : 3000;
      const { destination, seen, text } = slowDestination();
      const chunks: string[] = [];
      for await (const chunk of renderExport(format, countingSource(count).rows))
        chunks.push(chunk);
      const expected = chunks.join('');
      const largestChunk = Math.max(...chunks.map((chunk) => Buffer.byteLength(chunk)));

      const result = await writeExport(format, countingSource(count).rows, destination);

      expect(text()).toBe(expected);
      expect(result).toEqual({ rowCount: count, byteCount: Buffer.byteLength(expected) });
      expect(seen.drains).toBeGreaterThan(10);
      expect(seen.maxBuffered).toBeLessThanOrEqual(largestChunk + 64);
      expect(destination.writableFinished).toBe(true);
    },
  );

  it.each(['csv', 'json'] as const)(
    'writes the same %s bytes and row count from rows that come in pages',
    async (format: ExportFormat) => {
      const events = [...sampleEvents, ...sampleEvents];
      // Pages as a store hands them over, an empty one included; iterating row by row must
      // never be used when pages are there.
      const paged: PagedRows<StoredEvent> = {
        async *pages() {
          yield events.slice(0, 5);
          yield [];
          yield events.slice(5);
        },
        [Symbol.asyncIterator]: () => {
          throw new Error('read row by row');
        },
      };
      const byRow = sink();
      const byPage = sink();

      const rowResult = await writeExport(format, eventsOf(events), byRow.destination);
      const pageResult = await writeExport(format, paged, byPage.destination);

      expect(pageResult).toEqual(rowResult);
      expect(pageResult.rowCount).toBe(events.length);
      expect(byPage.text()).toBe(byRow.text());
    },
  );

  it('leaves the destination open with end: false', async () => {
    const { destination, text } = slowDestination();

    await writeExport('json', countingSource(0).rows, destination, { end: false });

    expect(destination.writableEnded).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(text()).toBe('[]\n');
  });

  it('stops reading rows when the destination is destroyed', async () => {
    const { rows, state } = countingSource(10_000);
    const destination = new Writable({
      highWaterMark: 64,
      write(_chunk, _encoding, callback) {
        setTimeout(callback, 1);
      },
    });
    let writes = 0;
    destination.on('drain', () => {
      writes += 1;
      if (writes === 3) destination.destroy();
    });

    const error = await rejection(writeExport('csv', rows, destination));

    expect(error.code).toBe('EXPORT_WRITE_FAILED');
    expect(error.message).toBe('Export write failed: the destination closed before the end.');
    expect(state.closed).toBe(true);
    // Three written chunks: the header and two batches of 256 events, plus the batch in hand.
    expect(state.pulled).toBeLessThanOrEqual(3 * 256);
  });

  it('stops reading rows when the destination fails, keeping the failure as cause', async () => {
    const { rows, state } = countingSource(10_000);
    const disk = new Error('disk full');
    let writes = 0;
    const destination = new Writable({
      highWaterMark: 64,
      write(_chunk, _encoding, callback) {
        writes += 1;
        setTimeout(() => callback(writes === 3 ? disk : null), 1);
      },
    });

    const error = await rejection(writeExport('html', rows, destination));

    expect(error.code).toBe('EXPORT_WRITE_FAILED');
    expect(error.message).toBe('Export write failed: the destination failed: disk full.');
    expect(error.cause).toBe(disk);
    expect(state.closed).toBe(true);
    expect(state.pulled).toBe(2);
  });

  it('reads no row into a destination that was already destroyed', async () => {
    const { rows, state } = countingSource(10);
    const destination = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    destination.destroy();

    const error = await rejection(writeExport('csv', rows, destination));

    expect(error.message).toBe('Export write failed: the destination was already destroyed.');
    expect(state.pulled).toBe(0);
  });

  it('refuses an unknown format before writing anything', async () => {
    const { destination, text } = slowDestination();

    const rows = countingSource(1).rows;

    const error = await rejection(writeExport('tsv' as ExportFormat, rows, destination));

    expect([error.code, error.parameter]).toEqual(['EXPORT_UNKNOWN_FORMAT', 'format']);
    expect(text()).toBe('');
  });
});

describe('writeExport into an HTTP response', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('stops reading rows when the client disconnects', async () => {
    const { rows, state } = countingSource(1_000_000);
    let exported: Promise<unknown> = Promise.resolve();
    server = createServer((_request, response) => {
      exported = writeExport('csv', rows, response).catch((error: unknown) => error);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;

    const request = get({ host: '127.0.0.1', port, path: '/export' });
    const [response] = (await once(request, 'response')) as [IncomingMessage];
    await once(response, 'data');
    request.destroy();
    const error = await exported;

    expect(isExportError(error) && error.code).toBe('EXPORT_WRITE_FAILED');
    expect(state.closed).toBe(true);
    expect(state.pulled).toBeLessThan(200_000);
  });
});

/** A destination that keeps what it is given. */
function sink(): { destination: Writable; text: () => string } {
  const parts: Buffer[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      done();
    },
  });
  return { destination, text: () => Buffer.concat(parts).toString('utf8') };
}
