import type { RunsCursor } from '@finops/store';
import { z } from 'zod';
import { ReportError } from './errors.js';
import { quote } from './query-fields.js';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

const runsCursorSchema = z.strictObject({
  ts: z.number().int(),
  seq: z.number().int().nonnegative(),
});

/**
 * The opaque text a runs page hands out as `next_cursor`: base64url of the position's JSON.
 *
 * @example encodeRunsCursor({ ts: 1761055200000, seq: 41 })
 * // 'eyJ0cyI6MTc2MTA1NTIwMDAwMCwic2VxIjo0MX0'
 */
export function encodeRunsCursor(cursor: RunsCursor): string {
  const json = JSON.stringify({ ts: cursor.ts, seq: cursor.seq });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/**
 * Reads a cursor made by {@link encodeRunsCursor}; null when the text is not one.
 */
export function readRunsCursor(text: string): RunsCursor | null {
  if (!BASE64URL.test(text)) return null;

  try {
    const json: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const parsed = runsCursorSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Reads a cursor made by {@link encodeRunsCursor}.
 *
 * @throws ReportError `REPORT_INVALID_CURSOR` naming `cursor` when the text is not a cursor.
 */
export function decodeRunsCursor(text: string): RunsCursor {
  const cursor = readRunsCursor(text);
  if (cursor !== null) return cursor;

  const expected = 'expected a next_cursor value of a runs page';
  const message = `invalid cursor: ${expected}, received ${quote(text)}`;
  throw new ReportError('REPORT_INVALID_CURSOR', message, { parameter: 'cursor' });
}
