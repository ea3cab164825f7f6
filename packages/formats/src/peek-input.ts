import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** The text read ahead from a stream, and a stream that gives every byte again from the start. */
export interface PeekedInput {
  head: string;
  input: Readable;
}

/**
 * Reads `input` until `enough(head)` holds or the input ends, without losing what was read: the
 * returned stream replays the bytes read so far and then the rest of `input`.
 *
 * @example const { head, input } = await peekInput(stream, (text) => text.includes('\n'));
 */
export async function peekInput(
  input: Readable,
  enough: (head: string) => boolean,
): Promise<PeekedInput> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const read: Buffer[] = [];
  const decoder = new StringDecoder('utf8');
  let head = '';
  let ended = false;

  while (!enough(head)) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    read.push(chunk);
    head += decoder.write(chunk);
  }

  async function* replay(): AsyncGenerator<Buffer> {
    yield* read;
    if (ended) return;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return {
    head: head.replace(/^\uFEFF/, ''),
    input: Readable.from(replay(), { objectMode: false }),
  };
}

/**
 * Whether a text holds a first non-blank line that has ended (LF, CRLF or a lone CR). Linear in
 * the text: it is asked again after every chunk while a long first line arrives.
 */
export function hasFirstLine(text: string): boolean {
  const start = text.search(/\S/);
  if (start === -1) return false;
  const lf = text.indexOf('\n', start);
  const cr = text.indexOf('\r', start);
  return lf !== -1 || cr !== -1;
}
