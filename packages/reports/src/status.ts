import type { Thresholds } from './report-params.js';

/** Verdict on a change ratio. */
export type ReportStatus = 'on_track' | 'attention' | 'regression';

/**
 * Classifies a change ratio (already rounded to 6 decimals): up to `attention` is `on_track`,
 * up to `regression` is `attention`, above it `regression`. Falls and no change are on track.
 *
 * @example classifyChange(0.146199, defaultThresholds) // 'regression'
 */
export function classifyChange(ratio: number, thresholds: Thresholds): ReportStatus {
  // Both sides are the doubles nearest to their decimals and rounding to nearest is monotonic,
  // so `<=` decides as it would on the decimals themselves (0.03 is on track, 0.030001 is not).
  if (ratio <= thresholds.attention) return 'on_track';
  if (ratio <= thresholds.regression) return 'attention';
  return 'regression';
}
