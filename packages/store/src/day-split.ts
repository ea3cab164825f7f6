import type { EventFilter } from './contract.js';

const DAY = 86_400_000;
const FAR = 1e12; // epoch days far beyond any instant

/** A filter cut into whole UTC days (answered from rollups) and partial days (from events). */
export interface DaySplit {
  /** Epoch days, inclusive; null when no whole day is inside the filter. */
  wholeDays: { first: number; last: number } | null;
  /** Filters of the partial days at either end, each within one UTC day. */
  partial: EventFilter[];
}

/**
 * Splits a filter's [start, end] into the whole UTC days it covers and the partial days at its
 * edges. Other filter fields are carried over unchanged.
 *
 * @example splitByDay({ start: Date.parse('2025-10-08T12:00:00Z') }) // partial 10-08, whole from 10-09
 */
export function splitByDay(filter: EventFilter): DaySplit {
  const { start, end } = filter;
  if (start !== undefined && end !== undefined && start > end)
    return { wholeDays: null, partial: [] };

  const startDay = start === undefined ? -FAR : Math.floor(start / DAY);
  const endDay = end === undefined ? FAR : Math.floor(end / DAY);
  const headPartial = start !== undefined && start !== startDay * DAY;
  const tailPartial = end !== undefined && end !== endDay * DAY + DAY - 1;

  if (startDay === endDay && (headPartial || tailPartial))
    return { wholeDays: null, partial: [filter] };

  const partial: EventFilter[] = [];
  if (headPartial) partial.push({ ...filter, end: startDay * DAY + DAY - 1 });
  if (tailPartial) partial.push({ ...filter, start: endDay * DAY });
  const first = headPartial ? startDay + 1 : startDay;
  const last = tailPartial ? endDay - 1 : endDay;
  return { wholeDays: first <= last ? { first, last } : null, partial };
}
