/** The parts of a sprint report that follow from the raw events alone, without prices. */
export interface SprintCounts {
  period_start: string;
  period_end: string;
  run_count: number;
  total_tokens_in: number;
  total_tokens_out: number;
}

/** The fields of a dataset event the counts read. */
export interface CountedEvent {
  ts: string;
  tokens_in: number;
  tokens_out: number;
}

const DAY_MS = 86_400_000;

/**
 * Counts events into sprint windows straight from a dataset, as a yardstick for the reports
 * package: windows of `windowDays` UTC days ending on the last day with events, newest first,
 * windows without events left out, at most `limit` of them.
 *
 * @example countSprintWindows([{ ts: '2025-11-30T10:00:00Z', tokens_in: 5, tokens_out: 1 }], 7, 4)
 * // [{ period_start: '2025-11-24', period_end: '2025-11-30', run_count: 1, ... }]
 */
export function countSprintWindows(
  events: readonly CountedEvent[],
  windowDays: number,
  limit: number,
): SprintCounts[] {
  if (events.length === 0) return [];

  const lastDayMs = Math.max(...events.map((event) => dayOf(event.ts)));
  const windows = new Map<number, SprintCounts>();
  for (const event of events) {
    const index = Math.floor((lastDayMs - dayOf(event.ts)) / DAY_MS / windowDays);
    const counts = windows.get(index) ?? emptyWindow(lastDayMs, index, windowDays);
    counts.run_count += 1;
    counts.total_tokens_in += event.tokens_in;
    counts.total_tokens_out += event.tokens_out;
    windows.set(index, counts);
  }

  return [...windows.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, limit)
    .map(([, counts]) => counts);
}

function emptyWindow(lastDayMs: number, index: number, windowDays: number): SprintCounts {
  const endMs = lastDayMs - index * windowDays * DAY_MS;
  const startMs = endMs - (windowDays - 1) * DAY_MS;
  return {
    period_start: formatDay(startMs),
    period_end: formatDay(endMs),
    run_count: 0,
    total_tokens_in: 0,
    total_tokens_out: 0,
  };
}

function dayOf(instant: string): number {
  return Math.floor(Date.parse(instant) / DAY_MS) * DAY_MS;
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
