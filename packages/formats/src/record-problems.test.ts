import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openPricedStore } from './_testing.js';
import type { FormatName } from './format-names.js';
import { ingestFormat } from './ingest-format.js';

function importText(format: FormatName, text: string) {
  return openPricedStore().then((store) =>
    ingestFormat(store, Readable.from([text]), { format, source: 'input' }),
  );
}

const span = (attributes: object[]) =>
  JSON.stringify({
    resourceSpans: [
      {
        scopeSpans: [
          {
            spans: [
              {
                traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
                spanId: '00f067aa0ba902b7',
                startTimeUnixNano: '1741597200000000000',
                endTimeUnixNano: '1741597201000000000',
                attributes,
              },
            ],
          },
        ],
      },
    ],
  });

describe('records an importer cannot turn into events', () => {
  it('are refused with field and reason while the good records are stored', async () => {
    const text = [
      JSON.stringify({
        request_id: 'r-1',
        call_type: 'acompletion',
        spend: 0.1,
        model: 'gpt-4o',
        startTime: '2025-03-10T10:00:00Z',
      }),
      '{ not json',
      JSON.stringify({
        request_id: 'r-2',
        call_type: 'acompletion',
        spend: -1,
        model: 'gpt-4o',
        startTime: '2025-03-10T10:00:00Z',
      }),
      JSON.stringify({
        request_id: 'r-3',
        call_type: 'acompletion',
        spend: 0,
        model: 'gpt-4o',
        startTime: '2025-02-30 10:00:00',
      }),
    ].join('\n');

    const result = await importText('litellm', text);

    expect(result.inserted).toBe(1);
    expect(result.rejections.map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 2, field: null, reason: expect.stringMatching(/^invalid JSON: /) },
      { line: 3, field: null, reason: 'spend: expected a non-negative number, got -1' },
      { line: 4, field: null, reason: 'startTime: impossible date 2025-02-30' },
    ]);
  });

  it('refuses an OTLP count that is not a whole number, naming the attribute', async () => {
    const attributes = [
      { key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o-mini' } },
      { key: 'gen_ai.usage.input_tokens', value: { intValue: '12x' } },
    ];

    const result = await importText('otlp', span(attributes));

    expect(result.rejections.map(({ reason }) => reason)).toEqual([
      'gen_ai.usage.input_tokens: expected a whole number, got "12x"',
    ]);
  });

  it('refuses a Helicone ClickHouse cost that is not whole nano-dollars', async () => {
    const row = {
      request_id: 'h-1',
      request_created_at: '2025-03-10T10:00:00Z',
      request_model: 'gpt-4o',
      cost: 0.5,
    };

    const result = await importText('helicone', JSON.stringify(row));

    expect(result.rejections.map(({ reason }) => reason)).toEqual([
      'cost: expected whole USD×1e9 (ClickHouse cost), got 0.5',
    ]);
  });

  it('rejects an unknown format name before reading anything', async () => {
    const store = await openPricedStore();

    await expect(
      ingestFormat(store, Readable.from(['']), { format: 'otel' as FormatName }),
    ).rejects.toMatchObject({ code: 'FORMAT_UNKNOWN', field: 'format' });
  });
});

describe('a CSV row that cannot be read', () => {
  it('is refused in its place with the reason of the CSV parser', async () => {
    const header = 'generation_id,created_at,cost_total,model_permaslug';
    const rows = ['g-1,2025-03-10 10:00:00,0.1,m', 'g-2,2025-03-10 10:01:00,"0.2"x,m'];
    const text = [header, ...rows, 'g-3,2025-03-10 10:02:00,0.3,m', ''].join('\n');

    const result = await importText('openrouter', text);

    // csv-parse cannot find the end of the broken quoted cell, so the rest of the file goes too.
    expect(result).toMatchObject({ inserted: 1, rejected: 2 });
    expect(result.rejections.map(({ line, reason }) => [line, reason])).toEqual([
      [3, expect.stringMatching(/^invalid CSV: Invalid Closing Quote: got "x" at line 3/)],
      [4, expect.stringMatching(/^invalid CSV: Quote Not Closed/)],
    ]);
  });
});
