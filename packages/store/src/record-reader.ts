import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fieldSynonyms } from './event-record.js';
import { pickFirst } from './field-readers.js';
import type { SourceRecord } from './ingest-result.js';

const DATASET_STATUS = 'success';
const DOCUMENT_START = /^(\[|\{\s*$|\{\s*"events"\s*:)/;

/**
 * Reads records from JSONL/NDJSON text line by line (BOM, CRLF, blank lines and a missing final
 * newline tolerated), or from a JSON document (a dataset `{"events": [...]}` or an array) when the
 * first line opens one. JSONL never needs the whole input in memory; a document does.
 *
 * @example
 * for await (const record of readRecords(createReadStream('events.jsonl'))) lines.push(record.line);
 */
export async function* readRecords(input: Readable): AsyncGenerator<SourceRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let document: string[] | null = null;
  // A first line holding a whole JSON array is a one-line document only if no other line follows;
  // otherwise it is a JSONL line that is not an object.
  let arrayLine: { text: string; line: number } | null = null;
  let firstSeen = false;

  for await (const text of lines) {
    lineNumber += 1;
    const line = lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (document) {
      document.push(line);
      continue;
    }
    if (line.trim() === '') continue;
    if (!firstSeen) {
      firstSeen = true;
      const kind = firstLineKind(line.trim());
      if (kind === 'document') document = [line];
      if (kind === 'array') arrayLine = { text: line, line: lineNumber };
      if (kind !== 'line') continue;
    }
    if (arrayLine) {
      yield* lineRecords(arrayLine.text, arrayLine.line);
      arrayLine = null;
    }
    yield* lineRecords(line, lineNumber);
  }

  if (arrayLine) yield* documentRecords(arrayLine.text);
  if (document) yield* documentRecords(document.join('\n'));
}

/** Records of one parsed JSON value: a dataset document, an array, or a single object. */
export function* valueRecords(value: unknown, raw?: string): Generator<SourceRecord> {
  if (Array.isArray(value)) {
    yield* elements(value, undefined);
    return;
  }
  if (isDatasetDocument(value)) {
    yield* elements(value.events, DATASET_STATUS);
    return;
  }
  if (isBrokenDataset(value)) {
    yield {
      line: 1,
      raw: raw ?? JSON.stringify(value),
      parseError: 'events: expected an array of events',
    };
    return;
  }
  yield { line: 1, raw: raw ?? JSON.stringify(value), value };
}

/** `{"events": 5}`: a dataset document whose events are not a list (an event would carry a time). */
function isBrokenDataset(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('events' in value)) return false;
  return pickFirst(value as Record<string, unknown>, fieldSynonyms.ts) === undefined;
}

function* lineRecords(text: string, lineNumber: number): Generator<SourceRecord> {
  let value: unknown;
  let line = text;
  try {
    value = JSON.parse(line);
    // A line of a rejects file, fixed by hand and ingested again: its `raw` text is the record.
    if (isRejection(value)) {
      line = value.raw;
      value = JSON.parse(line);
    }
  } catch (error) {
    yield { line: lineNumber, raw: line, parseError: `invalid JSON: ${(error as Error).message}` };
    return;
  }
  if (isDatasetDocument(value)) {
    yield* elements(value.events, DATASET_STATUS, lineNumber);
    return;
  }
  yield { line: lineNumber, raw: line, value };
}

const REJECTION_KEYS = ['field', 'line', 'raw', 'reason', 'source'].join();

/** A line written to a rejects file: exactly `source`, `line`, `field`, `reason` and `raw`. */
function isRejection(value: unknown): value is { raw: string } {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof (value as { raw?: unknown }).raw !== 'string') return false;
  return Object.keys(value).sort().join() === REJECTION_KEYS;
}

function* documentRecords(text: string): Generator<SourceRecord> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    yield { line: 1, raw: text, parseError: `invalid JSON document: ${(error as Error).message}` };
    return;
  }
  yield* valueRecords(value, text);
}

function* elements(
  values: unknown[],
  defaultStatus: string | undefined,
  line?: number,
): Generator<SourceRecord> {
  for (const [index, value] of values.entries()) {
    yield {
      line: line ?? index + 1,
      raw: JSON.stringify(value) ?? String(value),
      value,
      defaultStatus,
    };
  }
}

function isDatasetDocument(value: unknown): value is { events: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { events?: unknown }).events)
  );
}

/** Whether the first line opens a multi-line document, holds a whole array, or is a JSONL line. */
function firstLineKind(line: string): 'document' | 'array' | 'line' {
  let parses = true;
  try {
    JSON.parse(line);
  } catch {
    parses = false;
  }
  if (!parses) return DOCUMENT_START.test(line) ? 'document' : 'line';
  return line.startsWith('[') ? 'array' : 'line';
}
