import { readFileSync } from 'node:fs';
import { openStore, seedDataset } from '@finops/store';
import { describe, expect, it } from 'vitest';
import { isReportKind, loadReport, reportKinds } from './report-catalog.js';

const datasetUrl = new URL('../../../../shared/data/finops_events.json', import.meta.url);

describe('report catalog', () => {
  it('names every report the CLI and the API serve', () => {
    expect(reportKinds).toEqual([
      'sprints',
      'pull-requests',
      'timeseries',
      'pareto',
      'lane-costs',
      'runs',
    ]);
    expect([isReportKind('pareto'), isReportKind('toString'), isReportKind('bogus')]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('answers each report as its document from a text query', async () => {
    const store = openStore(':memory:');
    await seedDataset(store, JSON.parse(readFileSync(datasetUrl, 'utf8')));

    const lanes = await loadReport('lane-costs', store, {});
    const runs = await loadReport('runs', store, { limit: '1' });

    expect(lanes.items).toEqual([
      expect.objectContaining({ lane: 'balanced', run_count: 28, total_cost_usd: 204.03 }),
      expect.objectContaining({ lane: 'turbo', run_count: 14, total_cost_usd: 110.1 }),
    ]);
    expect(runs).toMatchObject({
      items: [expect.objectContaining({ id: 42, ts: '2025-10-21T15:00:00Z' })],
    });
    expect(typeof (runs as { next_cursor: unknown }).next_cursor).toBe('string');
    await expect(loadReport('sprints', store, { window_days: '0' })).rejects.toMatchObject({
      parameter: 'window_days',
    });
  });
});
