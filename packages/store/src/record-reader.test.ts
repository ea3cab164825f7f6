import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from './ingest-result.js';
import { readRecordBatches, readRecords, valueRecords } from './record-reader.js';

async function recordsOf(text: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readRecords(Readable.from([text]))) records.push(record);
  return records;
}

describe('readRecords', () => {
  it('reads JSONL with a BOM, CRLF endings, blank lines and no final newline', async () => {
    const records = await recordsOf('\uFEFF{"a":1}\r\n\r\n  \r\n{"b":2}\r\n{"c":3}');

    expect(records).toEqual([
      { line: 1, raw: '{"a":1}', value: { a: 1 } },
      { line: 4, raw: '{"b":2}', value: { b: 2 } },
      { line: 5, raw: '{"c":3}', value: { c: 3 } },
    ]);
  });

  it('passes a line that is not JSON on with its parse error', async () => {
    const [record] = await recordsOf('{"a":1');

    expect(record).toMatchObject({ line: 1, raw: '{"a":1' });
    expect(record?.parseError).toMatch(/^invalid JSON: /);
  });

  it('passes non-object lines on as values', async () => {
    const records = await recordsOf('{"a":1}\n[1,2]\n42\n"x"\nnull\n');

    expect(records.map((record) => [record.line, record.value])).toEqual([
      [1, { a: 1 }],
      [2, [1, 2]],
      [3, 42],
      [4, 'x'],
      [5, null],
    ]);
  });

  it('reads a pretty-printed JSON array by element position', async () => {
    const records = await recordsOf('[\n  {"a": 1},\n  {"b": 2}\n]\n');

    expect(records).toEqual([
      { line: 1, raw: '{"a":1}', value: { a: 1 }, defaultStatus: undefined },
      { line: 2, raw: '{"b":2}', value: { b: 2 }, defaultStatus: undefined },
    ]);
  });

  it('reads a JSON array written on one line as a document', async () => {
    const records = await recordsOf('[{"a":1},{"b":2}]');

    expect(records).toEqual([
      { line: 1, raw: '{"a":1}', value: { a: 1 }, defaultStatus: undefined },
      { line: 2, raw: '{"b":2}', value: { b: 2 }, defaultStatus: undefined },
    ]);
  });

  it('reads a first line holding an array as a JSONL line when more lines follow', async () => {
    const records = await recordsOf('[1,2]\n{"a":1}\n');

    expect(records).toEqual([
      { line: 1, raw: '[1,2]', value: [1, 2] },
      { line: 2, raw: '{"a":1}', value: { a: 1 } },
    ]);
  });

  it('reads a pretty-printed dataset document with the dataset status default', async () => {
    const records = await recordsOf(
      '\uFEFF{\r\n  "events": [\r\n    {"a": 1},\r\n    {"b": 2}\r\n  ]\r\n}\r\n',
    );

    expect(records).toEqual([
      { line: 1, raw: '{"a":1}', value: { a: 1 }, defaultStatus: 'success' },
      { line: 2, raw: '{"b":2}', value: { b: 2 }, defaultStatus: 'success' },
    ]);
  });

  it('reads a dataset document written on one line', async () => {
    const records = await recordsOf('{"events":[{"a":1},{"b":2}]}\n');

    expect(records.map((record) => [record.line, record.value, record.defaultStatus])).toEqual([
      [1, { a: 1 }, 'success'],
      [1, { b: 2 }, 'success'],
    ]);
  });

  it('refuses a broken document as one record holding the whole text', async () => {
    const text = '[\n  {"a": 1},\n  {"b": \n]';
    const [record, ...rest] = await recordsOf(text);

    expect(rest).toEqual([]);
    expect(record).toMatchObject({ line: 1, raw: text });
    expect(record?.parseError).toMatch(/^invalid JSON document: /);
  });

  it('reads an empty input as no records', async () => {
    expect(await recordsOf('')).toEqual([]);
    expect(await recordsOf('\uFEFF\r\n\r\n')).toEqual([]);
  });
});

describe('readRecords over chunks', () => {
  const text = '\uFEFF{"a":1}\r\n{"b":"\u00e9\u20ac"}\r\r\n{"c":3}\n\n{"d":4}\r{"e":5}';
  const expected = [
    [1, { a: 1 }],
    [2, { b: 'é€' }],
    [4, { c: 3 }],
    [6, { d: 4 }],
    [7, { e: 5 }],
  ];

  it('reads the same records wherever the chunks split the text', async () => {
    const bytes = Buffer.from(text, 'utf8');
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const chunks = [bytes.subarray(0, cut), bytes.subarray(cut)];
      const records: SourceRecord[] = [];
      for await (const record of readRecords(Readable.from(chunks))) records.push(record);
      expect(
        records.map((record) => [record.line, record.value]),
        `cut at ${cut}`,
      ).toEqual(expected);
    }
  });

  it('reads a text split into one-byte chunks', async () => {
    const bytes = Buffer.from(text, 'utf8');
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    const records: SourceRecord[] = [];
    for await (const record of readRecords(Readable.from(chunks))) records.push(record);
    expect(records.map((record) => [record.line, record.value])).toEqual(expected);
  });

  it('hands the records of a chunk over together', async () => {
    const batches: number[] = [];
    for await (const batch of readRecordBatches(Readable.from(['{"a":1}\n{"b":2}\n{"c"', ':3}\n'])))
      batches.push(batch.length);
    expect(batches).toEqual([2, 1]);
  });
});

describe('valueRecords', () => {
  it.each([
    [[{ a: 1 }], [{ line: 1, raw: '{"a":1}', value: { a: 1 }, defaultStatus: undefined }]],
    [
      { events: [{ a: 1 }] },
      [{ line: 1, raw: '{"a":1}', value: { a: 1 }, defaultStatus: 'success' }],
    ],
    [{ a: 1 }, [{ line: 1, raw: '{"a":1}', value: { a: 1 } }]],
  ])('reads %j', (value, expected) => {
    expect([...valueRecords(value)]).toEqual(expected);
  });
});
