// The compatibility oracle of SPEC §7: what the replaced system reported for the reference dataset.

/** Sprint reports over the runbook window (2025-10-08 … 2025-10-21, 7-day windows). */
export const oracleSprints = [
  {
    id: 'sprint-2025-43-1',
    name: 'Sprint 2025-43',
    period_start: '2025-10-15',
    period_end: '2025-10-21',
    total_cost_usd: 151.45,
    total_tokens_in: 72_120,
    total_tokens_out: 29_680,
    avg_latency_ms: 935.476,
    success_rate: 0.904762,
    cost_delta: -0.069031,
    status: 'on_track',
    summary:
      'Queda de 6.9% no custo versus sprint anterior e 0.10 mi tokens no período 2025-10-15 – 2025-10-21.',
    run_count: 21,
    previous_cost_usd: 162.68,
    unpriced_events: 0,
  },
  {
    id: 'sprint-2025-42-2',
    name: 'Sprint 2025-42',
    period_start: '2025-10-08',
    period_end: '2025-10-14',
    total_cost_usd: 162.68,
    total_tokens_in: 74_635,
    total_tokens_out: 30_630,
    avg_latency_ms: 928.333,
    success_rate: 0.904762,
    cost_delta: 0,
    status: 'on_track',
    summary: 'Custo estável no período 2025-10-08 – 2025-10-14 com 0.11 mi tokens processados.',
    run_count: 21,
    previous_cost_usd: null,
    unpriced_events: 0,
  },
];

/** Pull-request reports of the last 7-day window, highest cost first. */
export const oraclePullRequests = [
  {
    id: 'glm46:default',
    provider_id: 'glm46',
    provider_name: 'GLM-4.6',
    route: 'default',
    lane: 'turbo',
    title: 'GLM-4.6 · default',
    owner: 'atlas',
    merged_at: '2025-10-21T14:00:00Z',
    cost_impact_usd: 7.5,
    cost_delta: 0.146199,
    tokens_impact: 2_060,
    status: 'regression',
    summary: 'Alta de 14.6% no custo da rota default (GLM-4.6) em relação ao período anterior.',
    previous_cost_usd: 51.3,
    cost_change_usd: 7.5,
    unpriced_events: 0,
  },
  {
    id: 'gemini:balanced',
    provider_id: 'gemini',
    provider_name: 'Gemini MCP',
    route: 'balanced',
    lane: 'balanced',
    title: 'Gemini MCP · balanced',
    owner: 'growth-team',
    merged_at: '2025-10-21T13:00:00Z',
    cost_impact_usd: 0,
    cost_delta: -0.203216,
    tokens_impact: -3_670,
    status: 'on_track',
    summary: 'Queda de 20.3% no custo da rota balanced (Gemini MCP) frente ao período anterior.',
    previous_cost_usd: 68.4,
    cost_change_usd: -13.9,
    unpriced_events: 0,
  },
  {
    id: 'codex:economy',
    provider_id: 'codex',
    provider_name: 'Codex CLI',
    route: 'economy',
    lane: 'balanced',
    title: 'Codex CLI · economy',
    owner: 'cli-core',
    merged_at: '2025-10-21T15:00:00Z',
    cost_impact_usd: 0,
    cost_delta: -0.112378,
    tokens_impact: -1_855,
    status: 'on_track',
    summary: 'Queda de 11.2% no custo da rota economy (Codex CLI) frente ao período anterior.',
    previous_cost_usd: 42.98,
    cost_change_usd: -4.83,
    unpriced_events: 0,
  },
];

/** A report body as the API and CLI print it: 2-space indent and a trailing newline. */
export function reportBody(items: readonly unknown[]): string {
  return `${JSON.stringify({ items }, null, 2)}\n`;
}

/** The reference dataset, read from the shared folder beside the repository (never copied in). */
export const referenceDatasetUrl = new URL(
  '../../../../shared/data/finops_events.json',
  import.meta.url,
);
