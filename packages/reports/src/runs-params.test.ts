import { describe, expect, it } from 'vitest';
import { encodeRunsCursor } from './runs-cursor.js';
import { parseRunsQuery } from './runs-params.js';

describe('parseRunsQuery', () => {
  it('pages 20 runs from the newest by default', () => {
    expect(parseRunsQuery({})).toStrictEqual({ limit: 20 });
  });

  it('reads the filter, the limit and the cursor', () => {
    const cursor = encodeRunsCursor({ ts: 1_761_055_200_000, seq: 41 });

    expect(
      parseRunsQuery({ provider_id: 'codex', route: 'economy', limit: '100', cursor }),
    ).toEqual({
      providerId: 'codex',
      route: 'economy',
      limit: 100,
      cursor: { ts: 1_761_055_200_000, seq: 41 },
    });
  });

  it.each([
    ['limit', { limit: '0' }, 'REPORT_INVALID_PARAMETER'],
    ['limit', { limit: '101' }, 'REPORT_INVALID_PARAMETER'],
    ['limit', { limit: '2.5' }, 'REPORT_INVALID_PARAMETER'],
    ['lane', { lane: 'cheap' }, 'REPORT_INVALID_PARAMETER'],
    ['end', { end: 'tomorrow' }, 'REPORT_INVALID_PARAMETER'],
    ['cursor', { cursor: 'not-a-cursor' }, 'REPORT_INVALID_CURSOR'],
    [
      'start',
      { start: '2025-10-22T00:00:00Z', end: '2025-10-21T00:00:00Z' },
      'REPORT_INVALID_WINDOW',
    ],
  ])('rejects a bad %s (%o)', (parameter, query, code) => {
    expect(() => parseRunsQuery(query)).toThrow(expect.objectContaining({ code, parameter }));
  });
});
