import { StringDecoder } from 'node:string_decoder';
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
  for await (const records of readRecordBatches(input)) yield* records;
}

/**
 * {@link readRecords} a chunk of input at a time: one array of records per chunk read, so a
 * large file costs one await per chunk rather than one per line.
 */
export async function* readRecordBatches(input: Readable): AsyncGenerator<SourceRecord[]> {
  const parser = new RecordParser();
  for await (const lines of lineBatches(input)) {
    const records = parser.push(lines);
    if (records.length > 0) yield records;
  }
  const rest = parser.finish();
  if (rest.length > 0) yield rest;
}

/** Line breaks as readline reads them with `crlfDelay: Infinity`: CRLF, LF or a lone CR. */
const LINE_BREAK = /\r\n|\n|\r/;

/** The lines of a text stream, a chunk's worth at a time; a line may span chunks. */
async function* lineBatches(input: Readable): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of input) {
    let text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    // A CR ending the chunk may be the first half of a CRLF: the next chunk decides.
    const heldCr = text.endsWith('\r');
    if (heldCr) text = text.slice(0, -1);
    const lines = text.split(LINE_BREAK);
    carry = (lines.pop() ?? '') + (heldCr ? '\r' : '');
    if (lines.length > 0) yield lines;
  }
  const last = carry + decoder.end();
  const lines = last.split(LINE_BREAK);
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length > 0) yield lines;
}

/**
 * The state of reading one input: whether its first line opened a document (then every line is
 * kept until the end) or is a JSONL line, and the line count.
 */
class RecordParser {
  private lineNumber = 0;
  private document: string[] | null = null;
  // A first line holding a whole JSON array is a one-line document only if no other line follows;
  // otherwise it is a JSONL line that is not an object.
  private arrayLine: { text: string; line: number } | null = null;
  private firstSeen = false;

  push(lines: readonly string[]): SourceRecord[] {
    const records: SourceRecord[] = [];
    for (const text of lines) {
      this.lineNumber += 1;
      const line = this.lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text;
      if (this.document) {
        this.document.push(line);
        continue;
      }
      if (line.trim() === '') continue;
      if (!this.firstSeen) {
        this.firstSeen = true;
        const kind = firstLineKind(line.trim());
        if (kind === 'document') this.document = [line];
        if (kind === 'array') this.arrayLine = { text: line, line: this.lineNumber };
        if (kind !== 'line') continue;
      }
      if (this.arrayLine) {
        lineRecords(this.arrayLine.text, this.arrayLine.line, records);
        this.arrayLine = null;
      }
      lineRecords(line, this.lineNumber, records);
    }
    return records;
  }

  finish(): SourceRecord[] {
    if (this.arrayLine) return [...documentRecords(this.arrayLine.text)];
    if (this.document) return [...documentRecords(this.document.join('\n'))];
    return [];
  }
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

/** Appends the record of one JSONL line (or the events of a dataset document on it) to `into`. */
function lineRecords(text: string, lineNumber: number, into: SourceRecord[]): void {
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
    into.push({
      line: lineNumber,
      raw: line,
      parseError: `invalid JSON: ${(error as Error).message}`,
    });
    return;
  }
  if (isDatasetDocument(value)) {
    for (const record of elements(value.events, DATASET_STATUS, lineNumber)) into.push(record);
    return;
  }
  into.push({ line: lineNumber, raw: line, value });
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
