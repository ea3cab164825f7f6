import { describe, expect, it } from 'vitest';
import { resolvePullRequestRange } from './pull-request-range.js';

const span = { first: '2025-10-08', last: '2025-10-21' };
const at = (iso: string) => Date.parse(iso);

describe('resolvePullRequestRange', () => {
  it('covers the window_days days ending on the last day with data when no start is given', () => {
    expect(resolvePullRequestRange(span, { windowDays: 7 })).toEqual({
      current: { start: at('2025-10-15T00:00:00.000Z'), end: at('2025-10-21T23:59:59.999Z') },
      previous: { start: at('2025-10-08T00:00:00.000Z'), end: at('2025-10-14T23:59:59.999Z') },
    });
  });

  it('caps the current range at end', () => {
    const end = at('2025-10-21T23:59:59.000Z');

    expect(resolvePullRequestRange(span, { windowDays: 7, end })?.current).toEqual({
      start: at('2025-10-15T00:00:00.000Z'),
      end,
    });
  });

  it('runs from start to end when a start is given', () => {
    const start = at('2025-10-15T06:00:00.000Z');
    const end = at('2025-10-30T00:00:00.000Z');

    expect(resolvePullRequestRange(span, { windowDays: 3, start, end })).toEqual({
      current: { start, end },
      previous: { start: at('2025-10-12T00:00:00.000Z'), end: at('2025-10-14T23:59:59.999Z') },
    });
  });

  it('leaves the current range unbounded when a start is given without end', () => {
    const start = at('2025-10-15T00:00:00.000Z');

    expect(resolvePullRequestRange(null, { windowDays: 7, start })?.current).toEqual({ start });
  });

  it('is null without a start and without data', () => {
    expect(resolvePullRequestRange(null, { windowDays: 7 })).toBeNull();
  });
});
