import { createReadStream, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { StoreError } from './errors.js';
import { ingestRecords } from './ingest-records.js';
import { emptyIngestResult, mergeIngestResults, type IngestOptions, type IngestResult } from './ingest-result.js';
import { readRecords, valueRecords } from './record-reader.js';
import type { TelemetryStore } from './telemetry-store.js';

/**
 * Ingests a readable stream of JSONL, a JSON array or a dataset document.
 *
 * @throws StoreError `STORE_SOURCE_UNREADABLE` when the stream fails; `STORE_QUERY_FAILED`.
 */
export async function ingestStream(
  store: TelemetryStore,
  input: Readable,
  options: IngestOptions = {},
  bytesTotal: number | null = null,
): Promise<IngestResult> {
  let bytesRead = 0;
  input.on('data', (chunk: Buffer | string) => {
    bytesRead += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
  });
  try {
    return await ingestRecords(store, readRecords(input), options, { bytesRead: () => bytesRead, bytesTotal });
  } catch (cause) {
    input.destroy();
    if (cause instanceof StoreError) throw cause;
    const label = options.source ?? '-';
    throw new StoreError('STORE_SOURCE_UNREADABLE', `cannot read ${label}: ${(cause as Error).message}`, {
      field: 'source',
      cause,
    });
  }
}

/** Ingests text (an HTTP body, say): JSONL, a JSON array or a dataset document. */
export function ingestText(store: TelemetryStore, text: string, options: IngestOptions = {}): Promise<IngestResult> {
  return ingestStream(store, Readable.from([text]), options, Buffer.byteLength(text));
}

/** Ingests an already parsed JSON value: a dataset document, an array of events or one event. */
export function ingestValue(store: TelemetryStore, value: unknown, options: IngestOptions = {}): Promise<IngestResult> {
  return ingestRecords(store, valueRecords(value), options);
}

/**
 * Ingests a file, or a logs directory laid out as `<root>/<provider_id>/*.jsonl` where the
 * directory name supplies `provider_id` to records without one.
 *
 * @throws StoreError `STORE_SOURCE_UNREADABLE` when the path cannot be read.
 */
export async function ingestPath(store: TelemetryStore, path: string, options: IngestOptions = {}): Promise<IngestResult> {
  const stats = statPath(path);
  if (!stats.isDirectory()) {
    const input = createReadStream(path);
    return ingestStream(store, input, { source: path, ...options }, stats.size);
  }

  let total = emptyIngestResult();
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      const providerId = options.providerId ?? entry.name;
      for (const file of jsonlFiles(child)) {
        total = mergeIngestResults(total, await ingestPath(store, file, { ...options, providerId, source: file }));
      }
    } else if (entry.name.endsWith('.jsonl')) {
      total = mergeIngestResults(total, await ingestPath(store, child, { ...options, source: child }));
    }
  }
  return total;
}

function jsonlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(jsonl|ndjson)$/.test(entry.name))
    .map((entry) => join(directory, entry.name))
    .sort();
}

function statPath(path: string): Stats {
  try {
    return statSync(path);
  } catch (cause) {
    throw new StoreError('STORE_SOURCE_UNREADABLE', `cannot read ${path}: ${(cause as Error).message}`, {
      field: 'path',
      cause,
    });
  }
}
