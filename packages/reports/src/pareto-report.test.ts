import type { Provider, RouteTotal } from '@finops/store';
import { describe, expect, it } from 'vitest';
import { computeParetoReport } from './pareto-report.js';

const providers: Provider[] = [{ id: 'gemini', name: 'Gemini MCP', lane: 'balanced' }];

function routeTotal(providerId: string, route: string | null, costNanos: bigint): RouteTotal {
  return {
    provider_id: providerId,
    route,
    run_count: 3,
    success_count: 2,
    tokens_in: 900,
    tokens_out: 300,
    latency_sum_ms: 2_500,
    cost_nanos: costNanos,
    unpriced_events: 0,
    latest_ts: 0,
    latest_metadata: {},
  };
}

describe('computeParetoReport', () => {
  it('ranks every route by cost, highest first, ties by id', () => {
    const totals = [
      routeTotal('gemini', 'b', 1n),
      routeTotal('mistral', null, 7n),
      routeTotal('gemini', 'a', 1n),
    ];

    expect(computeParetoReport(totals, providers).map((entry) => entry.id)).toEqual([
      'mistral:default',
      'gemini:a',
      'gemini:b',
    ]);
  });

  it('shapes an entry with the provider name and lane', () => {
    const totals = [{ ...routeTotal('gemini', 'balanced', 122_900_000_000n), unpriced_events: 2 }];

    expect(computeParetoReport(totals, providers)).toEqual([
      {
        id: 'gemini:balanced',
        provider_id: 'gemini',
        provider_name: 'Gemini MCP',
        route: 'balanced',
        lane: 'balanced',
        run_count: 3,
        tokens_in: 900,
        tokens_out: 300,
        cost_usd: 122.9,
        avg_latency_ms: 833.333,
        success_rate: 0.666667,
        unpriced_events: 2,
      },
    ]);
  });
});
