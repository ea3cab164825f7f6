import { createReadStream, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { StoreError } from './errors.js';
import { ingestFileInWorker, usesParsingWorker } from './ingest-parallel.js';
import { ingestRecordBatches, ingestRecords } from './ingest-records.js';
import {
  emptyIngestResult,
  mergeIngestResults,
  type IngestOptions,
  type IngestResult,
} from './ingest-result.js';
import { readRecordBatches, valueRecords } from './record-reader.js';
import type { TelemetryStore } from './telemetry-store.js';

/**
 * Ingests a readable stream of JSONL, a JSON array or a dataset document (standard input, say).
 *
 * @throws StoreError `STORE_SOURCE_UNREADABLE` when the stream fails; `STORE_INVALID_INPUT`,
 *   `STORE_QUERY_FAILED` as {@link ingestRecords}.
 * @example await ingestStream(store, process.stdin, { source: '-' });
 */
export async function ingestStream(
  store: TelemetryStore,
  input: Readable,
  options: IngestOptions = {},
  bytesTotal: number | null = null,
): Promise<IngestResult> {
  let bytesRead = 0;
  let readFailure: unknown = null;
  input.on('data', (chunk: Buffer | string) => {
    bytesRead += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
  });
  input.on('error', (error) => (readFailure ??= error));
  try {
    const context = { bytesRead: () => bytesRead, bytesTotal };
    return await ingestRecordBatches(store, readRecordBatches(input), options, context);
  } catch (cause) {
    input.destroy();
    // Only a failure of the input is "unreadable"; the caller's callbacks' errors pass as they are.
    if (cause instanceof StoreError || cause !== readFailure) throw cause;
    const label = options.source ?? '-';
    throw new StoreError(
      'STORE_SOURCE_UNREADABLE',
      `cannot read ${label}: ${(cause as Error).message}`,
      {
        field: 'source',
        cause,
      },
    );
  }
}

/**
 * Ingests text (an HTTP body, say): JSONL, a JSON array or a dataset document.
 *
 * @throws StoreError `STORE_INVALID_INPUT`, `STORE_QUERY_FAILED` as {@link ingestRecords}.
 * @example
 * await ingestText(store, '{"provider_id":"codex","tool":"cli","ts":"2025-10-21T14:00:00Z"}');
 */
export function ingestText(
  store: TelemetryStore,
  text: string,
  options: IngestOptions = {},
): Promise<IngestResult> {
  return ingestStream(store, Readable.from([text]), options, Buffer.byteLength(text));
}

/**
 * Ingests an already parsed JSON value: a dataset document, an array of events or one event.
 * Only dataset documents (`{"events": [...]}`) default a missing status to `success`.
 *
 * @throws StoreError `STORE_INVALID_INPUT`, `STORE_QUERY_FAILED` as {@link ingestRecords}.
 */
export function ingestValue(
  store: TelemetryStore,
  value: unknown,
  options: IngestOptions = {},
): Promise<IngestResult> {
  return ingestRecords(store, valueRecords(value), options);
}

/**
 * Ingests a file, or a logs directory laid out as `<root>/<provider_id>/*.jsonl` (or `.ndjson`)
 * where the folder name supplies `provider_id` to records without one. JSONL files directly in
 * the root are read too. Files are read in name order.
 *
 * @throws StoreError `STORE_SOURCE_UNREADABLE` when the path cannot be read;
 *   `STORE_INVALID_INPUT`, `STORE_QUERY_FAILED` as {@link ingestRecords}.
 * @example await ingestPath(store, 'logs/'); // logs/codex/2025-10-21.jsonl → provider codex
 */
export async function ingestPath(
  store: TelemetryStore,
  path: string,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const stats = readStats(path);
  if (!stats.isDirectory()) {
    const fileOptions = { source: path, ...options };
    const inThisThread = () => ingestStream(store, createReadStream(path), fileOptions, stats.size);
    if (!usesParsingWorker(options, stats.size)) return inThisThread();
    return ingestFileInWorker(store, path, fileOptions, stats.size, inThisThread);
  }

  let total = emptyIngestResult();
  for (const { file, providerId } of logFiles(path, options.providerId)) {
    const part = await ingestPath(store, file, { ...options, providerId, source: file });
    total = mergeIngestResults(total, part);
  }
  return total;
}

/** The JSONL files of a logs directory, each with the provider its folder supplies. */
function logFiles(root: string, providerId: string | undefined) {
  const files: { file: string; providerId: string | undefined }[] = [];
  for (const entry of listDirectory(root)) {
    const path = join(root, entry.name);
    if (entry.isFile() && isJsonl(entry.name)) files.push({ file: path, providerId });
    if (!entry.isDirectory()) continue;
    for (const child of listDirectory(path)) {
      if (child.isFile() && isJsonl(child.name)) {
        files.push({ file: join(path, child.name), providerId: providerId ?? entry.name });
      }
    }
  }
  return files;
}

function isJsonl(name: string): boolean {
  return /\.(jsonl|ndjson)$/.test(name);
}

/** Entries of a directory in code-unit order, so ingestion order never depends on the locale. */
function listDirectory(path: string): Dirent[] {
  const entries = unreadable(path, () => readdirSync(path, { withFileTypes: true }));
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function readStats(path: string): Stats {
  return unreadable(path, () => statSync(path));
}

function unreadable<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    throw new StoreError(
      'STORE_SOURCE_UNREADABLE',
      `cannot read ${path}: ${(cause as Error).message}`,
      {
        field: 'path',
        cause,
      },
    );
  }
}
