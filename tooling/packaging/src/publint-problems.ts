import { readFile } from 'node:fs/promises';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

/**
 * Runs publint on a packed tarball — exactly the files a consumer receives — and returns every
 * message, suggestions included, as `type: text` lines. An empty list means the package is clean.
 *
 * @example expect(await listPublintProblems(packed.tarball)).toEqual([]);
 */
export async function listPublintProblems(tarball: string): Promise<string[]> {
  const bytes = await readFile(tarball);
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({
    pack: { tarball: data as ArrayBuffer },
    level: 'suggestion',
    strict: true,
  });

  return messages.map((message) => {
    const text = formatMessage(message, pkg, { color: false }) ?? message.code;
    return `${message.type}: ${text}`;
  });
}
