/**
 * Lines or records an importer left out because they are not calls, counted per reason. Keys are
 * `<format>: <reason>`, e.g. `{ 'claude-code: user line': 12, 'otlp: non-GenAI span': 3 }`.
 */
export type SkipCounts = Record<string, number>;

/** Counts one skipped record under a reason (without the format prefix). */
export type SkipReporter = (reason: string) => void;

/** An empty tally for one format and the function that adds to it. */
export function createSkipCounter(format: string): { skipped: SkipCounts; skip: SkipReporter } {
  const skipped: SkipCounts = {};
  const skip = (reason: string) => {
    const key = `${format}: ${reason}`;
    skipped[key] = (skipped[key] ?? 0) + 1;
  };
  return { skipped, skip };
}

/** Adds the counts of `part` to `total` (a new object). */
export function mergeSkipCounts(total: SkipCounts, part: SkipCounts): SkipCounts {
  const merged = { ...total };
  for (const [reason, count] of Object.entries(part))
    merged[reason] = (merged[reason] ?? 0) + count;
  return merged;
}

/** How many records were skipped in all. */
export function countSkips(skipped: SkipCounts): number {
  return Object.values(skipped).reduce((sum, count) => sum + count, 0);
}

/**
 * The skips as one line of text, most frequent first (ties by reason), each reason without the
 * `<format>: ` prefix when it is that of `format`.
 *
 * @example
 * describeSkips({ 'claude-code: user line': 3, 'claude-code: summary line': 2 }, 'claude-code');
 * // 'user line 3, summary line 2'
 */
export function describeSkips(skipped: SkipCounts, format?: string): string {
  const prefix = format === undefined ? null : `${format}: `;
  return Object.entries(skipped)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([reason, count]) => {
      const text =
        prefix !== null && reason.startsWith(prefix) ? reason.slice(prefix.length) : reason;
      return `${text} ${count}`;
    })
    .join(', ');
}
