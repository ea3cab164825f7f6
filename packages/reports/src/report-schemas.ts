import { lanes } from '@finops/store';
import { z } from 'zod';
import type { CheckResult } from './check-report.js';
import type { LaneCost } from './lane-cost-report.js';
import type { ParetoEntry } from './pareto-report.js';
import type { PullRequestReport } from './pull-request-report.js';
import type { RunRecord, RunsPage } from './runs-report.js';
import type { SprintReport } from './sprint-report.js';
import type { TimeseriesPoint } from './timeseries-report.js';

// Schemas of the report documents, for API descriptions (OpenAPI) and for consumers that validate
// what they receive. The type checks at the end keep them equal to the report types.

const status = z.enum(['on_track', 'attention', 'regression']);
const lane = z.enum(lanes);
const usd = z.number().meta({ description: 'USD, rounded to 6 decimals' });
const day = z.string().meta({ format: 'date', example: '2025-10-21' });
const instant = z.string().meta({ format: 'date-time', example: '2025-10-21T14:00:00Z' });

export const sprintReportSchema = z.object({
  id: z.string().meta({ example: 'sprint-2025-43-1' }),
  name: z.string(),
  period_start: day,
  period_end: day,
  total_cost_usd: usd,
  total_tokens_in: z.number().int(),
  total_tokens_out: z.number().int(),
  avg_latency_ms: z.number(),
  success_rate: z.number(),
  cost_delta: z.number(),
  status,
  summary: z.string(),
  run_count: z.number().int(),
  previous_cost_usd: usd.nullable(),
  unpriced_events: z.number().int(),
});

export const pullRequestReportSchema = z.object({
  id: z.string().meta({ example: 'glm46:default' }),
  provider_id: z.string(),
  provider_name: z.string(),
  route: z.string().nullable(),
  lane,
  title: z.string(),
  owner: z.string(),
  merged_at: instant.nullable(),
  cost_impact_usd: usd,
  cost_delta: z.number(),
  tokens_impact: z.number().int(),
  status,
  summary: z.string(),
  previous_cost_usd: usd.nullable(),
  cost_change_usd: usd,
  unpriced_events: z.number().int(),
});

export const timeseriesPointSchema = z.object({
  day,
  provider_id: z.string(),
  run_count: z.number().int(),
  tokens_in: z.number().int(),
  tokens_out: z.number().int(),
  cost_usd: usd,
  avg_latency_ms: z.number(),
  success_count: z.number().int(),
  unpriced_events: z.number().int(),
});

export const paretoEntrySchema = z.object({
  id: z.string(),
  provider_id: z.string(),
  provider_name: z.string(),
  route: z.string().nullable(),
  lane,
  run_count: z.number().int(),
  tokens_in: z.number().int(),
  tokens_out: z.number().int(),
  cost_usd: usd,
  avg_latency_ms: z.number(),
  success_rate: z.number(),
  unpriced_events: z.number().int(),
});

export const laneCostSchema = z.object({
  lane,
  run_count: z.number().int(),
  total_cost_usd: usd,
  total_tokens_in: z.number().int(),
  total_tokens_out: z.number().int(),
  avg_latency_ms: z.number(),
  unpriced_events: z.number().int(),
});

export const runRecordSchema = z.object({
  id: z.number().int(),
  provider_id: z.string(),
  provider_name: z.string(),
  route: z.string().nullable(),
  lane,
  ts: instant,
  tokens_in: z.number().int(),
  tokens_out: z.number().int(),
  duration_ms: z.number().int(),
  status: z.string(),
  cost_usd: usd.nullable(),
  metadata: z.record(z.string(), z.unknown()),
  experiment_cohort: z.string().nullable(),
  experiment_tag: z.string().nullable(),
});

export const runsPageSchema = z.object({
  items: z.array(runRecordSchema),
  next_cursor: z.string().nullable(),
});

/** `{"items": [...]}` of a given item schema. */
export function reportDocumentSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

export const checkResultSchema = z.object({
  passed: z.boolean(),
  fail_on: z.enum(['attention', 'regression']),
  require_coverage: z.boolean(),
  sprints: z.array(sprintReportSchema),
  pull_requests: z.array(pullRequestReportSchema),
  missing_days: z.array(day),
  failures: z.array(
    z.object({
      kind: z.enum(['sprint', 'pull_request', 'coverage']),
      id: z.string(),
      status: z.enum(['on_track', 'attention', 'regression', 'missing_days']),
    }),
  ),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof sprintReportSchema>, SprintReport>,
  Same<z.infer<typeof pullRequestReportSchema>, PullRequestReport>,
  Same<z.infer<typeof timeseriesPointSchema>, TimeseriesPoint>,
  Same<z.infer<typeof paretoEntrySchema>, ParetoEntry>,
  Same<z.infer<typeof laneCostSchema>, LaneCost>,
  Same<z.infer<typeof runRecordSchema>, RunRecord>,
  Same<z.infer<typeof runsPageSchema>, RunsPage>,
  Same<z.infer<typeof checkResultSchema>, CheckResult>,
] = [true, true, true, true, true, true, true, true];
void sameShapes;
