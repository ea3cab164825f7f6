import type { Readable } from 'node:stream';
import { readRecords, type SourceRecord } from '@finops/store';
import { parse } from 'csv-parse';
import { peekInput } from './peek-input.js';

/**
 * The items of a JSON input: each line of JSONL, or each element of a JSON array document, or a
 * whole JSON object document as one item (line 1). Bad JSON comes through as a `parseError`.
 */
export function readJsonItems(input: Readable): AsyncIterable<SourceRecord> {
  return readRecords(input);
}

/**
 * The items of an input that is JSON (as {@link readJsonItems}) or CSV: for CSV each row is an
 * object of its cells by header name (column sets grow, so never by position), streamed.
 */
export async function* readJsonOrCsvItems(input: Readable): AsyncGenerator<SourceRecord> {
  const peeked = await peekInput(input, (head) => /\S/.test(head));
  const json = /^\s*[[{]/.test(peeked.head);
  yield* json ? readJsonItems(peeked.input) : readCsvItems(peeked.input);
}

/** The rows of a CSV input with their line numbers; a row that cannot be read is a `parseError`. */
export async function* readCsvItems(input: Readable): AsyncGenerator<SourceRecord> {
  const broken: SourceRecord[] = [];
  const parser = input.pipe(
    parse({
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      info: true,
      raw: true,
      on_skip: (error, raw) => {
        const line = typeof error?.['lines'] === 'number' ? error['lines'] : 0;
        const reason = `invalid CSV: ${error?.message ?? 'unreadable row'}`;
        broken.push({ line, raw: raw ?? '', parseError: reason });
        return undefined;
      },
    }),
  );
  input.once('error', (error) => parser.destroy(error));
  for await (const entry of parser as AsyncIterable<CsvEntry>) {
    // The parser reports a broken row as soon as it meets it, maybe before yielding earlier rows.
    const line = entry.info.lines;
    yield* takeWhile(broken, (record) => record.line < line);
    yield { line, raw: entry.raw.replace(/\r?\n$/, ''), value: entry.record };
  }
  yield* broken.splice(0);
}

function takeWhile(records: SourceRecord[], test: (record: SourceRecord) => boolean) {
  const count = records.findIndex((record) => !test(record));
  return records.splice(0, count === -1 ? records.length : count);
}

interface CsvEntry {
  record: Record<string, string>;
  raw: string;
  info: { lines: number };
}
