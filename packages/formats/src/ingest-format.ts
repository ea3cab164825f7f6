import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import {
  emptyIngestResult,
  ingestRecords,
  isStoreError,
  mergeIngestResults,
  type IngestOptions,
  type IngestResult,
  type TelemetryStore,
} from '@finops/store';
import { FormatError } from './errors.js';
import { parseFormatName, type FormatName } from './format-names.js';
import { readFormatRecords } from './read-format.js';
import { mergeSkipCounts, type SkipCounts } from './skip-counts.js';

/** Options of {@link ingestFormat}: the store's ingest options and the input's format. */
export interface IngestFormatOptions extends IngestOptions {
  format: FormatName;
}

/** An ingest result with the format read and what it skipped as not being calls. */
export interface FormatIngestResult extends IngestResult {
  format: FormatName;
  skipped: SkipCounts;
}

const FORMAT_FILE = /\.(jsonl|ndjson|json|csv)$/;

/**
 * Imports a stream in a known format into the store: calls are validated, deduplicated by their
 * natural key, priced when they carry no cost, and stored; refused records are reported as by
 * `ingestRecords` and non-call records counted in `skipped`.
 *
 * @throws FormatError `FORMAT_UNKNOWN` for a format name not in `formatNames`;
 *   `FORMAT_SOURCE_UNREADABLE` when the stream fails. StoreError as `ingestRecords`.
 * @example await ingestFormat(store, process.stdin, { format: 'otlp', source: '-' });
 */
export async function ingestFormat(
  store: TelemetryStore,
  input: Readable,
  options: IngestFormatOptions,
  bytesTotal: number | null = null,
): Promise<FormatIngestResult> {
  const { format: name, ...ingestOptions } = options;
  const format = parseFormatName(name);
  let bytesRead = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  input.once('error', (error) => counted.destroy(error));
  input.pipe(counted);

  try {
    const reading = readFormatRecords(format, counted);
    const context = { bytesRead: () => bytesRead, bytesTotal };
    const result = await ingestRecords(store, reading.records, ingestOptions, context);
    return { format, ...result, skipped: reading.skipped };
  } catch (cause) {
    input.destroy();
    if (isStoreError(cause) || cause instanceof FormatError) throw cause;
    const label = options.source ?? '-';
    const reason = (cause as Error).message;
    throw new FormatError('FORMAT_SOURCE_UNREADABLE', `cannot read ${label}: ${reason}`, {
      field: 'source',
      cause,
    });
  }
}

/**
 * Imports a file in a known format, or every `.jsonl`, `.ndjson`, `.json` and `.csv` file under
 * a directory (recursively, in name order) — a Claude Code projects folder, say.
 *
 * @throws FormatError `FORMAT_SOURCE_UNREADABLE` when a path cannot be read; as
 *   {@link ingestFormat} otherwise.
 * @example await ingestFormatPath(store, 'activity.csv', { format: 'openrouter' });
 */
export async function ingestFormatPath(
  store: TelemetryStore,
  path: string,
  options: IngestFormatOptions,
): Promise<FormatIngestResult> {
  const stats = unreadable(path, () => statSync(path));
  if (!stats.isDirectory()) {
    const input = createReadStream(path);
    return ingestFormat(store, input, { source: path, ...options }, stats.size);
  }

  let total: FormatIngestResult = { format: options.format, ...emptyIngestResult(), skipped: {} };
  for (const file of listFormatFiles(path)) {
    const part = await ingestFormatPath(store, file, { ...options, source: file });
    total = {
      format: total.format,
      ...mergeIngestResults(total, part),
      skipped: mergeSkipCounts(total.skipped, part.skipped),
    };
  }
  return total;
}

/** The importable files under a directory, in code-unit order so no locale changes it. */
function listFormatFiles(root: string): string[] {
  const entries = unreadable(root, () => readdirSync(root, { withFileTypes: true }));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const path = join(root, entry.name);
    if (entry.isDirectory()) return listFormatFiles(path);
    return entry.isFile() && FORMAT_FILE.test(entry.name) ? [path] : [];
  });
}

function unreadable<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    const reason = (cause as Error).message;
    throw new FormatError('FORMAT_SOURCE_UNREADABLE', `cannot read ${path}: ${reason}`, {
      field: 'path',
      cause,
    });
  }
}
