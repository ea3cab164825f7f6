import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { detectFormat } from './detect-format.js';
import { FormatError } from './errors.js';
import type { FormatName } from './format-names.js';
import { hasFirstLine, peekInput } from './peek-input.js';

/** The format detected at the start of an input, and the input to read from its first byte. */
export interface SniffedInput {
  format: FormatName | null;
  input: Readable;
}

/**
 * Detects the format of a stream from its first record or CSV header (see {@link detectFormat})
 * without consuming it. A JSONL line or a CSV header is enough; a JSON document spread over many
 * lines is read whole first, as a document is anyway.
 *
 * @example const { format, input } = await sniffFormat(process.stdin); // 'otlp', …, or null
 */
export async function sniffFormat(input: Readable): Promise<SniffedInput> {
  const peeked = await peekInput(input, hasFirstLine);
  const line = peeked.head
    .split(/\r\n|\n|\r/)
    .find((text) => text.trim() !== '')
    ?.trim();
  if (line === undefined) return { format: null, input: peeked.input };

  const record = parseJson(line);
  if (record.ok) return { format: detectFormat(record.value), input: peeked.input };
  if (!/^[[{]/.test(line)) return { format: detectFormat(line), input: peeked.input };

  const whole = await peekInput(peeked.input, () => false);
  const document = parseJson(whole.head);
  return { format: document.ok ? detectFormat(document.value) : null, input: whole.input };
}

/**
 * Detects the format of a file as {@link sniffFormat} does; null for our own event shape or
 * anything unknown.
 *
 * @throws FormatError `FORMAT_SOURCE_UNREADABLE` when the file cannot be read.
 * @example await detectFileFormat('traces.jsonl') // 'otlp'
 */
export async function detectFileFormat(path: string): Promise<FormatName | null> {
  const stream = createReadStream(path);
  try {
    const { format, input } = await sniffFormat(stream);
    input.destroy();
    return format;
  } catch (cause) {
    const reason = (cause as Error).message;
    throw new FormatError('FORMAT_SOURCE_UNREADABLE', `cannot read ${path}: ${reason}`, {
      field: 'path',
      cause,
    });
  } finally {
    stream.destroy();
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
