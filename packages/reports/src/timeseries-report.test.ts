import type { DailyProviderTotal } from '@finops/store';
import { describe, expect, it } from 'vitest';
import { computeTimeseriesReport } from './timeseries-report.js';

function point(day: string, providerId: string, costNanos: bigint): DailyProviderTotal {
  return {
    day,
    provider_id: providerId,
    run_count: 3,
    success_count: 2,
    tokens_in: 300,
    tokens_out: 120,
    latency_sum_ms: 2_000,
    cost_nanos: costNanos,
    unpriced_events: 1,
  };
}

describe('computeTimeseriesReport', () => {
  it('lists one point per day and provider, ordered by day then provider', () => {
    const totals = [
      point('2025-10-09', 'codex', 1_000_000_000n),
      point('2025-10-08', 'gemini', 2_500_000_000n),
      point('2025-10-08', 'codex', 100_000_000n),
    ];

    expect(
      computeTimeseriesReport(totals).map(({ day, provider_id }) => `${day} ${provider_id}`),
    ).toEqual(['2025-10-08 codex', '2025-10-08 gemini', '2025-10-09 codex']);
  });

  it('shapes a point with cost rounded to 6 decimals and latency to 3', () => {
    expect(computeTimeseriesReport([point('2025-10-08', 'gemini', 300_000_400n)])).toEqual([
      {
        day: '2025-10-08',
        provider_id: 'gemini',
        run_count: 3,
        tokens_in: 300,
        tokens_out: 120,
        cost_usd: 0.3,
        avg_latency_ms: 666.667,
        success_count: 2,
        unpriced_events: 1,
      },
    ]);
  });
});
