import type {
  LaneCost,
  ParetoEntry,
  PullRequestReport,
  RunRecord,
  SprintReport,
  TimeseriesPoint,
} from '@finops/reports';
import type { Column } from './table-view.js';

const statusMarks: Record<string, string> = {
  on_track: '✓ on_track',
  attention: '! attention',
  regression: '✗ regression',
};

/** Shows a report status with a mark that survives a monochrome terminal. */
export function markStatus(status: string): string {
  return statusMarks[status] ?? status;
}

export const sprintColumns: Column<SprintReport>[] = [
  { header: 'Sprint', value: (r) => r.id },
  { header: 'Period', value: (r) => `${r.period_start} – ${r.period_end}` },
  { header: 'Runs', value: (r) => r.run_count, kind: 'number' },
  { header: 'Cost', value: (r) => r.total_cost_usd, kind: 'money' },
  { header: 'Previous', value: (r) => r.previous_cost_usd, kind: 'money' },
  { header: 'Δ cost', value: (r) => r.cost_delta, kind: 'delta' },
  { header: 'Tokens in', value: (r) => r.total_tokens_in, kind: 'number' },
  { header: 'Tokens out', value: (r) => r.total_tokens_out, kind: 'number' },
  { header: 'Avg ms', value: (r) => r.avg_latency_ms, kind: 'number' },
  { header: 'Success', value: (r) => r.success_rate, kind: 'ratio' },
  { header: 'Unpriced', value: (r) => r.unpriced_events, kind: 'number' },
  { header: 'Status', value: (r) => markStatus(r.status) },
];

export const pullRequestColumns: Column<PullRequestReport>[] = [
  { header: 'Route', value: (r) => r.id },
  { header: 'Lane', value: (r) => r.lane },
  { header: 'Owner', value: (r) => r.owner },
  { header: 'Last run', value: (r) => r.merged_at },
  { header: 'Previous', value: (r) => r.previous_cost_usd, kind: 'money' },
  { header: 'Change', value: (r) => r.cost_change_usd, kind: 'money' },
  { header: 'Impact', value: (r) => r.cost_impact_usd, kind: 'money' },
  { header: 'Δ cost', value: (r) => r.cost_delta, kind: 'delta' },
  { header: 'Δ tokens', value: (r) => r.tokens_impact, kind: 'number' },
  { header: 'Unpriced', value: (r) => r.unpriced_events, kind: 'number' },
  { header: 'Status', value: (r) => markStatus(r.status) },
];

export const timeseriesColumns: Column<TimeseriesPoint>[] = [
  { header: 'Day', value: (r) => r.day },
  { header: 'Provider', value: (r) => r.provider_id },
  { header: 'Runs', value: (r) => r.run_count, kind: 'number' },
  { header: 'Success', value: (r) => r.success_count, kind: 'number' },
  { header: 'Tokens in', value: (r) => r.tokens_in, kind: 'number' },
  { header: 'Tokens out', value: (r) => r.tokens_out, kind: 'number' },
  { header: 'Cost', value: (r) => r.cost_usd, kind: 'money' },
  { header: 'Avg ms', value: (r) => r.avg_latency_ms, kind: 'number' },
];

export const paretoColumns: Column<ParetoEntry>[] = [
  { header: 'Route', value: (r) => r.id },
  { header: 'Provider', value: (r) => r.provider_name },
  { header: 'Lane', value: (r) => r.lane },
  { header: 'Runs', value: (r) => r.run_count, kind: 'number' },
  { header: 'Tokens in', value: (r) => r.tokens_in, kind: 'number' },
  { header: 'Tokens out', value: (r) => r.tokens_out, kind: 'number' },
  { header: 'Cost', value: (r) => r.cost_usd, kind: 'money' },
  { header: 'Avg ms', value: (r) => r.avg_latency_ms, kind: 'number' },
  { header: 'Success', value: (r) => r.success_rate, kind: 'ratio' },
];

export const laneCostColumns: Column<LaneCost>[] = [
  { header: 'Lane', value: (r) => r.lane },
  { header: 'Runs', value: (r) => r.run_count, kind: 'number' },
  { header: 'Cost', value: (r) => r.total_cost_usd, kind: 'money' },
  { header: 'Tokens in', value: (r) => r.total_tokens_in, kind: 'number' },
  { header: 'Tokens out', value: (r) => r.total_tokens_out, kind: 'number' },
  { header: 'Avg ms', value: (r) => r.avg_latency_ms, kind: 'number' },
];

export const runColumns: Column<RunRecord>[] = [
  { header: 'Id', value: (r) => r.id, kind: 'number' },
  { header: 'Time', value: (r) => r.ts },
  { header: 'Route', value: (r) => `${r.provider_id}:${r.route ?? 'default'}` },
  { header: 'Status', value: (r) => r.status },
  { header: 'Tokens in', value: (r) => r.tokens_in, kind: 'number' },
  { header: 'Tokens out', value: (r) => r.tokens_out, kind: 'number' },
  { header: 'ms', value: (r) => r.duration_ms, kind: 'number' },
  { header: 'Cost', value: (r) => r.cost_usd, kind: 'money' },
];
