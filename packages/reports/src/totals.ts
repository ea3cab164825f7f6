/** Sums every aggregate report is built from (the counting fields of the store's totals). */
export interface Totals {
  run_count: number;
  success_count: number;
  tokens_in: number;
  tokens_out: number;
  latency_sum_ms: number;
  /** Exact nano-dollars over priced events. */
  cost_nanos: bigint;
  unpriced_events: number;
}

/** Totals of nothing: zero runs, zero cost. */
export function createEmptyTotals(): Totals {
  return {
    run_count: 0,
    success_count: 0,
    tokens_in: 0,
    tokens_out: 0,
    latency_sum_ms: 0,
    cost_nanos: 0n,
    unpriced_events: 0,
  };
}

/** The field-by-field sum of two totals (extra fields of either are not carried over). */
export function addTotals(left: Totals, right: Totals): Totals {
  return {
    run_count: left.run_count + right.run_count,
    success_count: left.success_count + right.success_count,
    tokens_in: left.tokens_in + right.tokens_in,
    tokens_out: left.tokens_out + right.tokens_out,
    latency_sum_ms: left.latency_sum_ms + right.latency_sum_ms,
    cost_nanos: left.cost_nanos + right.cost_nanos,
    unpriced_events: left.unpriced_events + right.unpriced_events,
  };
}
