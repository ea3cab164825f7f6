import { readFileSync } from 'node:fs';
import { openStore, seedDataset, type ReportSource } from '@finops/store';
import { oraclePullRequests, oracleSprints } from '@finops/oracle';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLaneCostReport } from './lane-cost-report.js';
import { loadParetoReport } from './pareto-report.js';
import { loadPullRequestReports } from './pull-request-report.js';
import { parseReportQuery } from './report-params.js';
import { parseRunsQuery } from './runs-params.js';
import { loadRunsPage } from './runs-report.js';
import { loadSprintReports } from './sprint-report.js';
import { loadTimeseriesReport } from './timeseries-report.js';

// The compatibility oracle of SPEC §7: the replaced system's outputs for the reference dataset.
const datasetUrl = new URL('../../../../shared/data/finops_events.json', import.meta.url);
const runbookWindow = {
  start: '2025-10-08T00:00:00Z',
  end: '2025-10-21T23:59:59Z',
  window_days: '7',
};

let source: ReportSource;

beforeAll(async () => {
  const store = openStore(':memory:');
  await seedDataset(store, JSON.parse(readFileSync(datasetUrl, 'utf8')));
  source = store;
});

describe('sprint reports on the reference dataset', () => {
  it('reports the two runbook sprints field by field, newest first', async () => {
    const reports = await loadSprintReports(source, parseReportQuery(runbookWindow));

    expect(reports).toEqual(oracleSprints);
  });

  it('writes the same facts in English for locale en', async () => {
    const reports = await loadSprintReports(
      source,
      parseReportQuery({ ...runbookWindow, locale: 'en' }),
    );

    expect(reports.map((report) => report.summary)).toEqual([
      'Cost down 6.9% versus the previous sprint, with 0.10M tokens in the period 2025-10-15 – 2025-10-21.',
      'Stable cost in the period 2025-10-08 – 2025-10-14 with 0.11M tokens processed.',
    ]);
  });
});

describe('pull-request reports on the reference dataset', () => {
  const expected = oraclePullRequests;

  it('reports three routes, highest cost first, without a start', async () => {
    const params = parseReportQuery({ end: runbookWindow.end, window_days: '7' });

    expect(await loadPullRequestReports(source, params)).toEqual(expected);
  });

  it('reports the same routes with start 2025-10-15', async () => {
    const params = parseReportQuery({ ...runbookWindow, start: '2025-10-15T00:00:00Z' });

    expect(await loadPullRequestReports(source, params)).toEqual(expected);
  });
});

describe('aggregate reports on the reference dataset', () => {
  it('ranks the provider routes by cost', async () => {
    const pareto = await loadParetoReport(source, parseReportQuery(runbookWindow));

    expect(
      pareto.map(({ id, lane, run_count, cost_usd }) => ({ id, lane, run_count, cost_usd })),
    ).toEqual([
      { id: 'gemini:balanced', lane: 'balanced', run_count: 14, cost_usd: 122.9 },
      { id: 'glm46:default', lane: 'turbo', run_count: 14, cost_usd: 110.1 },
      { id: 'codex:economy', lane: 'balanced', run_count: 14, cost_usd: 81.13 },
    ]);
  });

  it('sums cost per lane', async () => {
    expect(await loadLaneCostReport(source, parseReportQuery(runbookWindow))).toEqual([
      {
        lane: 'balanced',
        run_count: 28,
        total_cost_usd: 204.03,
        total_tokens_in: 94_985,
        total_tokens_out: 39_660,
        avg_latency_ms: 912.5,
        unpriced_events: 0,
      },
      {
        lane: 'turbo',
        run_count: 14,
        total_cost_usd: 110.1,
        total_tokens_in: 51_770,
        total_tokens_out: 20_650,
        avg_latency_ms: 970.714,
        unpriced_events: 0,
      },
    ]);
  });
});

describe('filters on the reference dataset', () => {
  it('restricts reports to the providers of a lane', async () => {
    const params = parseReportQuery({ ...runbookWindow, lane: 'turbo' });

    const reports = await loadSprintReports(source, params);

    expect(
      reports.map(({ id, total_cost_usd, run_count }) => ({ id, total_cost_usd, run_count })),
    ).toEqual([
      { id: 'sprint-2025-43-1', total_cost_usd: 58.8, run_count: 7 },
      { id: 'sprint-2025-42-2', total_cost_usd: 51.3, run_count: 7 },
    ]);
  });

  it('answers an empty list for a provider without events', async () => {
    const params = parseReportQuery({ provider_id: 'claude' });

    expect(await loadSprintReports(source, params)).toEqual([]);
    expect(await loadPullRequestReports(source, params)).toEqual([]);
    expect(await loadParetoReport(source, params)).toEqual([]);
  });

  it('answers an empty list for a provider outside the lane', async () => {
    expect(
      await loadParetoReport(source, parseReportQuery({ provider_id: 'glm46', lane: 'balanced' })),
    ).toEqual([]);
  });
});

describe('timeseries and runs on the reference dataset', () => {
  it('lists one point per day and provider', async () => {
    const points = await loadTimeseriesReport(source, parseReportQuery(runbookWindow));

    expect(points).toHaveLength(42);
    expect(points[0]).toEqual({
      day: '2025-10-08',
      provider_id: 'codex',
      run_count: 1,
      tokens_in: 2_800,
      tokens_out: 1_050,
      cost_usd: 6.1,
      avg_latency_ms: 870,
      success_count: 1,
      unpriced_events: 0,
    });
  });

  it('pages through every run, newest first, until next_cursor is null', async () => {
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await loadRunsPage(source, parseRunsQuery({ cursor }));
      pages.push(page);
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);

    const runs = pages.flatMap((page) => page.items);
    expect(pages.map((page) => page.items.length)).toEqual([20, 20, 2]);
    expect(new Set(runs.map((run) => run.id)).size).toBe(42);
    expect(runs.map((run) => run.ts).slice(0, 3)).toEqual([
      '2025-10-21T15:00:00Z',
      '2025-10-21T14:00:00Z',
      '2025-10-21T13:00:00Z',
    ]);
    expect(runs[0]).toMatchObject({
      provider_id: 'codex',
      provider_name: 'Codex CLI',
      route: 'economy',
      lane: 'balanced',
      cost_usd: 5.3,
      metadata: { consumer: 'cli-core' },
    });
    expect(runs[41]?.ts).toBe('2025-10-08T13:00:00Z');
  });
});
