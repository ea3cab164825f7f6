import type { Provider, RouteTotal } from '@finops/store';
import { describe, expect, it } from 'vitest';
import { computeLaneCostReport } from './lane-cost-report.js';

const providers: Provider[] = [
  { id: 'gemini', name: 'Gemini MCP', lane: 'balanced' },
  { id: 'glm46', name: 'GLM-4.6', lane: 'turbo' },
  { id: 'tiny', name: 'Tiny', lane: 'economy' },
];

function routeTotal(providerId: string, runs: number, costNanos: bigint): RouteTotal {
  return {
    provider_id: providerId,
    route: null,
    run_count: runs,
    success_count: runs,
    tokens_in: 100 * runs,
    tokens_out: 10 * runs,
    latency_sum_ms: 1_001 * runs,
    cost_nanos: costNanos,
    unpriced_events: runs === 1 ? 1 : 0,
    latest_ts: 0,
    latest_metadata: {},
  };
}

describe('computeLaneCostReport', () => {
  it('sums routes per lane in lane order, unknown providers in balanced', () => {
    const totals = [
      routeTotal('glm46', 2, 1_100_000_000n),
      routeTotal('gemini', 3, 200_000_000n),
      routeTotal('mistral', 1, 100_000_000n),
      routeTotal('tiny', 4, 0n),
    ];

    expect(computeLaneCostReport(totals, providers)).toEqual([
      {
        lane: 'economy',
        run_count: 4,
        total_cost_usd: 0,
        total_tokens_in: 400,
        total_tokens_out: 40,
        avg_latency_ms: 1_001,
        unpriced_events: 0,
      },
      {
        lane: 'balanced',
        run_count: 4,
        total_cost_usd: 0.3,
        total_tokens_in: 400,
        total_tokens_out: 40,
        avg_latency_ms: 1_001,
        unpriced_events: 1,
      },
      {
        lane: 'turbo',
        run_count: 2,
        total_cost_usd: 1.1,
        total_tokens_in: 200,
        total_tokens_out: 20,
        avg_latency_ms: 1_001,
        unpriced_events: 0,
      },
    ]);
  });

  it('leaves out lanes without runs', () => {
    expect(
      computeLaneCostReport([routeTotal('glm46', 1, 0n)], providers).map((lane) => lane.lane),
    ).toEqual(['turbo']);
    expect(computeLaneCostReport([], providers)).toEqual([]);
  });
});
