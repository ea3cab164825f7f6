import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { fixturePath } from './_testing.js';
import { detectFileFormat, sniffFormat } from './sniff-format.js';

/** A stream that hands `content` over in small chunks, as a pipe would. */
function chunked(content: string, size = 7): Readable {
  const chunks: string[] = [];
  for (let at = 0; at < content.length; at += size) chunks.push(content.slice(at, at + size));
  return Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
}

describe('sniffFormat', () => {
  it.each([
    ['a JSONL line', '{"resourceSpans":[]}\n{"resourceSpans":[]}\n', 'otlp'],
    [
      'a pretty-printed document',
      '{\n  "data": [\n    {"id": "o", "traceId": "t", "type": "SPAN"}\n  ]\n}\n',
      'langfuse',
    ],
    [
      'a CSV header',
      '\uFEFFrequest_id,request_created_at,delay_ms\r\nr-1,2025-03-10,5\r\n',
      'helicone',
    ],
    ['our own JSONL', '\n{"provider_id":"codex","tool":"cli","ts":"2025-10-21T14:00:00Z"}\n', null],
    ['JSONL with lone CR line ends', '{"resourceSpans":[]}\r{"resourceSpans":[]}\r', 'otlp'],
    ['an empty input', '', null],
  ])('detects the format of %s and replays every byte', async (_name, content, format) => {
    const sniffed = await sniffFormat(chunked(content));

    expect(sniffed.format).toBe(format);
    expect((await buffer(sniffed.input)).toString('utf8')).toBe(content);
  });
});

describe('sniffFormat on long first lines', () => {
  // Each case once took time quadratic in the line's length (minutes for a few megabytes).
  const long = 'x'.repeat(3_000_000);
  it.each([
    ['a first line of 3 MB', `{"note":"${long}"}\n{"note":"b"}\n`, null],
    ['a one-line JSON array of 3 MB', `[{"resourceSpans":[],"note":"${long}"}]`, 'otlp'],
    ['lone CR line ends after a 3 MB line', `{"resourceSpans":[],"n":"${long}"}\r{}\r`, 'otlp'],
  ])('detects %s and replays every byte', async (_name, content, format) => {
    const sniffed = await sniffFormat(chunked(content, 65_536));

    expect(sniffed.format).toBe(format);
    expect((await buffer(sniffed.input)).toString('utf8')).toBe(content);
  });
});

describe('detectFileFormat', () => {
  it.each([
    ['otlp-traces.jsonl', 'otlp'],
    ['otlp-document.json', 'otlp'],
    ['litellm-spend-logs.json', 'litellm'],
    ['litellm-raw-dump.jsonl', 'litellm'],
    ['claude-code-session.jsonl', 'claude-code'],
    ['langfuse-observations.json', 'langfuse'],
    ['openrouter-activity.csv', 'openrouter'],
    ['helicone-export.jsonl', 'helicone'],
    ['helicone-export.csv', 'helicone'],
    ['openai-usage.json', 'openai-usage'],
    ['openai-usage.csv', 'openai-usage'],
    ['openai-costs.json', 'openai-usage'],
    ['anthropic-usage.json', 'anthropic-usage'],
    ['anthropic-cost.json', 'anthropic-usage'],
  ])('detects %s as %s', async (file, format) => {
    expect(await detectFileFormat(fixturePath(file))).toBe(format);
  });

  it('fails with FORMAT_SOURCE_UNREADABLE naming a file that is not there', async () => {
    await expect(detectFileFormat(fixturePath('missing.jsonl'))).rejects.toMatchObject({
      code: 'FORMAT_SOURCE_UNREADABLE',
      field: 'path',
    });
  });
});
