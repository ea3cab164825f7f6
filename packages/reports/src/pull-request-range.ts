import { addDays, dayEndMs, dayStartMs, formatDay, type DataSpan } from '@finops/store';
import type { ReportParams } from './report-params.js';

/** An inclusive range of instants (epoch ms); no `end` means unbounded. */
export interface InstantRange {
  start: number;
  end?: number;
}

/** The current range the pull-request reports cover and the previous one they compare with. */
export interface PullRequestRange {
  current: InstantRange;
  previous: Required<InstantRange>;
}

/**
 * Resolves the ranges of SPEC §5.2. With `start`: [start, end or unbounded]. Without it: the
 * `windowDays` UTC days ending on the last day with data (`span`, read not after `end`), capped
 * at `end`. The previous range is the `windowDays` days before the current range's first day.
 * Null when there is no start and no data. The result never depends on today's date.
 *
 * @example resolvePullRequestRange({ first: '2025-10-08', last: '2025-10-21' },
 *   { windowDays: 7 }) // current 2025-10-15T00:00:00Z … 2025-10-21T23:59:59.999Z
 */
export function resolvePullRequestRange(
  span: DataSpan | null,
  params: Pick<ReportParams, 'start' | 'end' | 'windowDays'>,
): PullRequestRange | null {
  const current = resolveCurrentRange(span, params);
  if (current === null) return null;

  const firstDay = formatDay(current.start);
  const previous = {
    start: dayStartMs(addDays(firstDay, -params.windowDays)),
    end: dayEndMs(addDays(firstDay, -1)),
  };
  return { current, previous };
}

function resolveCurrentRange(
  span: DataSpan | null,
  params: Pick<ReportParams, 'start' | 'end' | 'windowDays'>,
): InstantRange | null {
  if (params.start !== undefined) {
    return params.end === undefined
      ? { start: params.start }
      : { start: params.start, end: params.end };
  }
  if (span === null) return null;

  const start = dayStartMs(addDays(span.last, 1 - params.windowDays));
  const end = Math.min(dayEndMs(span.last), params.end ?? Number.POSITIVE_INFINITY);
  return { start, end };
}
