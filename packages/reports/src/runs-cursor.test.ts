import { describe, expect, it } from 'vitest';
import { decodeRunsCursor, encodeRunsCursor, readRunsCursor } from './runs-cursor.js';

describe('encodeRunsCursor', () => {
  it('writes base64url of the position', () => {
    expect(encodeRunsCursor({ ts: 1_761_055_200_000, seq: 41 })).toBe(
      'eyJ0cyI6MTc2MTA1NTIwMDAwMCwic2VxIjo0MX0',
    );
  });
});

describe('decodeRunsCursor', () => {
  it('reads back what encodeRunsCursor wrote', () => {
    const cursor = { ts: 1_761_055_200_000, seq: 41 };

    expect(decodeRunsCursor(encodeRunsCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ['not base64url', 'abc$'],
    ['not JSON', Buffer.from('ts=1').toString('base64url')],
    ['a fractional seq', Buffer.from('{"ts":1,"seq":1.5}').toString('base64url')],
    ['an extra key', Buffer.from('{"ts":1,"seq":2,"x":3}').toString('base64url')],
    ['an array', Buffer.from('[1,2]').toString('base64url')],
  ])('rejects %s naming the cursor parameter', (_case, text) => {
    expect(readRunsCursor(text)).toBeNull();
    expect(() => decodeRunsCursor(text)).toThrow(
      expect.objectContaining({ code: 'REPORT_INVALID_CURSOR', parameter: 'cursor' }),
    );
  });

  it('quotes the received text in its message', () => {
    expect(() => decodeRunsCursor('abc$')).toThrow(
      'invalid cursor: expected a next_cursor value of a runs page, received "abc$"',
    );
  });
});
