import type { Provider, RouteTotal } from '@finops/store';
import { describe, expect, it } from 'vitest';
import { computePullRequestReports } from './pull-request-report.js';
import { parseReportQuery } from './report-params.js';

const USD = 1_000_000_000n;
const defaults = parseReportQuery({});
const providers: Provider[] = [
  { id: 'gemini', name: 'Gemini MCP', lane: 'balanced' },
  { id: 'glm46', name: 'GLM-4.6', lane: 'turbo' },
];

function routeTotal(providerId: string, route: string | null, costUsd: bigint): RouteTotal {
  return {
    provider_id: providerId,
    route,
    run_count: 2,
    success_count: 2,
    tokens_in: 1_000,
    tokens_out: 400,
    latency_sum_ms: 1_800,
    cost_nanos: costUsd * USD,
    unpriced_events: 0,
    latest_ts: Date.parse('2025-10-21T14:00:00Z'),
    latest_metadata: { consumer: 'growth-team', project: 'atlas' },
  };
}

describe('computePullRequestReports', () => {
  it('shapes every field of a report in the spec order', () => {
    const current = [{ ...routeTotal('glm46', 'default', 12n), unpriced_events: 1 }];
    const previous = [{ ...routeTotal('glm46', 'default', 10n), tokens_out: 100 }];

    const [report] = computePullRequestReports({ current, previous }, providers, defaults);

    expect(Object.keys(report ?? {})).toEqual([
      'id',
      'provider_id',
      'provider_name',
      'route',
      'lane',
      'title',
      'owner',
      'merged_at',
      'cost_impact_usd',
      'cost_delta',
      'tokens_impact',
      'status',
      'summary',
      'previous_cost_usd',
      'cost_change_usd',
      'unpriced_events',
    ]);
    expect(report).toEqual({
      id: 'glm46:default',
      provider_id: 'glm46',
      provider_name: 'GLM-4.6',
      route: 'default',
      lane: 'turbo',
      title: 'GLM-4.6 · default',
      owner: 'growth-team',
      merged_at: '2025-10-21T14:00:00Z',
      cost_impact_usd: 2,
      cost_delta: 0.2,
      tokens_impact: 300,
      status: 'regression',
      summary: 'Alta de 20.0% no custo da rota default (GLM-4.6) em relação ao período anterior.',
      previous_cost_usd: 10,
      cost_change_usd: 2,
      unpriced_events: 1,
    });
  });

  it('orders by cost, highest first, ties by id, and keeps the first limit entries', () => {
    const current = [
      routeTotal('gemini', 'fast', 5n),
      routeTotal('glm46', 'default', 9n),
      routeTotal('gemini', 'balanced', 5n),
      routeTotal('gemini', 'slow', 1n),
    ];

    const reports = computePullRequestReports(
      { current, previous: [] },
      providers,
      parseReportQuery({ limit: '3' }),
    );

    expect(reports.map((report) => report.id)).toEqual([
      'glm46:default',
      'gemini:balanced',
      'gemini:fast',
    ]);
  });

  it('reports a route without previous cost as stable with a null previous cost', () => {
    const current = [routeTotal('gemini', 'balanced', 3n)];

    const [report] = computePullRequestReports({ current, previous: [] }, providers, defaults);

    expect(report).toMatchObject({
      cost_impact_usd: 3,
      cost_delta: 0,
      tokens_impact: 1_400,
      status: 'on_track',
      summary:
        'Custo estável para a rota balanced (Gemini MCP) quando comparado ao período anterior.',
      previous_cost_usd: null,
      cost_change_usd: 3,
    });
  });

  it('never reports a negative cost impact', () => {
    const current = [routeTotal('gemini', 'balanced', 8n)];
    const previous = [routeTotal('gemini', 'balanced', 10n)];

    const [report] = computePullRequestReports({ current, previous }, providers, defaults);

    expect(report).toMatchObject({
      cost_impact_usd: 0,
      cost_delta: -0.2,
      cost_change_usd: -2,
      status: 'on_track',
    });
  });

  it('takes the owner from consumer, then project, then shows an em dash', () => {
    const current = [
      { ...routeTotal('gemini', 'a', 3n), latest_metadata: { consumer: 'cli-core' } },
      { ...routeTotal('gemini', 'b', 2n), latest_metadata: { project: 'atlas', consumer: '' } },
      { ...routeTotal('gemini', 'c', 1n), latest_metadata: { consumer: 42 } },
    ];

    const reports = computePullRequestReports({ current, previous: [] }, providers, defaults);

    expect(reports.map((report) => report.owner)).toEqual(['cli-core', 'atlas', '—']);
  });

  it('names an unknown provider by its id in lane balanced', () => {
    const current = [routeTotal('mistral', null, 1n)];

    const [report] = computePullRequestReports({ current, previous: [] }, providers, defaults);

    expect(report).toMatchObject({
      id: 'mistral:default',
      provider_name: 'mistral',
      route: null,
      lane: 'balanced',
      title: 'mistral · default',
    });
  });

  it('merges events without a route into the default route', () => {
    const current = [
      routeTotal('glm46', null, 1n),
      { ...routeTotal('glm46', 'default', 2n), latest_ts: Date.parse('2025-10-21T15:00:00Z') },
    ];

    const reports = computePullRequestReports({ current, previous: [] }, providers, defaults);

    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      id: 'glm46:default',
      route: 'default',
      merged_at: '2025-10-21T15:00:00Z',
      cost_change_usd: 3,
      tokens_impact: 2_800,
    });
  });

  it('writes English summaries for locale en', () => {
    const current = [routeTotal('gemini', 'balanced', 9n)];
    const previous = [routeTotal('gemini', 'balanced', 10n)];
    const params = parseReportQuery({ locale: 'en' });

    const [report] = computePullRequestReports({ current, previous }, providers, params);

    expect(report?.summary).toBe(
      'Cost of route balanced (Gemini MCP) down 10.0% versus the previous period.',
    );
  });
});
