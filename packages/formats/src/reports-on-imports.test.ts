import { loadPullRequestReports, loadSprintReports, parseReportQuery } from '@finops/reports';
import { describe, expect, it } from 'vitest';
import { importFixture, openPricedStore } from './_testing.js';
import type { FormatName } from './format-names.js';

// Provider-wide prices, so calls imported without a cost are priced (cache-aware) in the reports.
const prices = [
  {
    provider_id: 'openai',
    model: null,
    input_cost_per_1k: 0.00015,
    output_cost_per_1k: 0.0006,
    cache_read_cost_per_1k: 0.000075,
  },
  {
    provider_id: 'anthropic',
    model: null,
    input_cost_per_1k: 0.003,
    output_cost_per_1k: 0.015,
    cache_read_cost_per_1k: 0.0003,
    cache_write_cost_per_1k: 0.00375,
  },
];

// A window never starts before the first day with data (SPEC §5.1): the fixtures' one or two days.
const bothDays = { id: 'sprint-2025-11-1', period_start: '2025-03-10', period_end: '2025-03-11' };
const oneDay = { id: 'sprint-2025-11-1', period_start: '2025-03-10', period_end: '2025-03-10' };

interface ReportCase {
  format: FormatName;
  files: string[];
  sprint: Record<string, unknown>;
  pullRequests: [string, number][];
}

const cases: ReportCase[] = [
  {
    format: 'otlp',
    files: ['otlp-traces.jsonl', 'otlp-document.json'],
    sprint: {
      ...bothDays,
      total_cost_usd: 0.006382,
      total_tokens_in: 19_503,
      total_tokens_out: 175,
      run_count: 4,
    },
    pullRequests: [
      ['anthropic:support-bot', 0.006159],
      ['openai:billing-agent', 0.000223],
    ],
  },
  {
    format: 'litellm',
    files: ['litellm-spend-logs.json', 'litellm-raw-dump.jsonl'],
    sprint: {
      ...bothDays,
      total_cost_usd: 0.004535,
      total_tokens_in: 4500,
      total_tokens_out: 280,
      run_count: 4,
    },
    pullRequests: [
      ['anthropic:smart-default', 0.0042],
      ['openai:fast', 0.000315],
      ['openai:embed', 0.00002],
      ['openai:smart-default', 0],
    ],
  },
  {
    format: 'claude-code',
    files: ['claude-code-session.jsonl'],
    sprint: {
      ...oneDay,
      total_cost_usd: 0.027068,
      total_tokens_in: 40_616,
      total_tokens_out: 402,
      run_count: 2,
    },
    pullRequests: [['anthropic:shop-api', 0.027068]],
  },
  {
    format: 'langfuse',
    files: ['langfuse-observations.json'],
    sprint: {
      ...bothDays,
      total_cost_usd: 0.00564,
      total_tokens_in: 1988,
      total_tokens_out: 210,
      run_count: 3,
    },
    pullRequests: [
      ['openai:draft-reply', 0.00563],
      ['openai:embed-query', 0.00001],
      ['anthropic:classify', 0],
    ],
  },
  {
    format: 'openrouter',
    files: ['openrouter-activity.csv'],
    sprint: {
      ...bothDays,
      total_cost_usd: 0.00146,
      total_tokens_in: 4700,
      total_tokens_out: 420,
      run_count: 3,
    },
    pullRequests: [
      ['openrouter:ci-key', 0.00105],
      ['openrouter:invoice-bot', 0.00041],
    ],
  },
  {
    format: 'helicone',
    files: ['helicone-export.jsonl', 'helicone-export.csv'],
    sprint: {
      ...bothDays,
      total_cost_usd: 0.000334,
      total_tokens_in: 1964,
      total_tokens_out: 120,
      run_count: 4,
    },
    pullRequests: [
      ['openai:/v1/chat/completions', 0.000333],
      ['openai:/v1/embeddings', 0.000001],
      ['anthropic:/v1/messages', 0],
    ],
  },
  {
    format: 'openai-usage',
    files: ['openai-usage.json', 'openai-costs.json'],
    sprint: {
      ...oneDay,
      total_cost_usd: 0.201924,
      total_tokens_in: 60_000,
      total_tokens_out: 24_100,
      run_count: 4,
    },
    pullRequests: [
      ['openai:default', 0.12],
      ['openai:proj_fixture01', 0.081924],
    ],
  },
  {
    format: 'anthropic-usage',
    files: ['anthropic-usage.json', 'anthropic-cost.json'],
    sprint: {
      ...oneDay,
      total_cost_usd: 1.38825,
      total_tokens_in: 66_500,
      total_tokens_out: 2500,
      run_count: 3,
    },
    pullRequests: [
      ['anthropic:wrkspc_fixture01', 1.31325],
      ['anthropic:default', 0.075],
    ],
  },
];

describe('sprint and pull-request reports on imported data', () => {
  it.each(cases)(
    'run on a database filled from $format',
    async ({ format, files, sprint, pullRequests }) => {
      const store = await openPricedStore(prices);
      for (const file of files) await importFixture(store, format, file);
      const params = parseReportQuery({ window_days: '7' });

      const sprints = await loadSprintReports(store, params);
      const pulls = await loadPullRequestReports(store, params);

      expect(sprints).toHaveLength(1);
      expect(sprints[0]).toMatchObject({ ...sprint, unpriced_events: 0, previous_cost_usd: null });
      expect(pulls.map((report) => [report.id, report.cost_impact_usd])).toEqual(pullRequests);
    },
  );
});
