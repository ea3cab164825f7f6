import { readFileSync } from 'node:fs';
import { openStore, seedDataset, type TelemetryStore } from '@finops/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCheckMarkdown, renderCheckText } from './check-document.js';
import { runCheck } from './check-report.js';
import { listMissingDays } from './coverage-gaps.js';
import { parseReportQuery } from './report-params.js';

const datasetUrl = new URL('../../../../shared/data/finops_events.json', import.meta.url);
const runbook = { start: '2025-10-08T00:00:00Z', end: '2025-10-21T23:59:59Z', window_days: '7' };

/** Two weeks of one route whose cost does not change: nothing regresses. */
function flatDataset() {
  const events = Array.from({ length: 14 }, (_, index) => ({
    provider_id: 'codex',
    tool: 'codex.cli',
    route: 'economy',
    tokens_in: 1000,
    tokens_out: 500,
    duration_ms: 800,
    cost_estimated_usd: 2.5,
    ts: `2025-10-${String(8 + index).padStart(2, '0')}T12:00:00Z`,
    metadata: { consumer: 'cli-core' },
  }));
  return { events };
}

let reference: TelemetryStore;
let flat: TelemetryStore;

beforeAll(async () => {
  reference = openStore(':memory:');
  await seedDataset(reference, JSON.parse(readFileSync(datasetUrl, 'utf8')));
  flat = openStore(':memory:');
  await seedDataset(flat, flatDataset());
});

describe('runCheck', () => {
  it('fails on the reference dataset, whose glm46 route regresses', async () => {
    const result = await runCheck(reference, parseReportQuery(runbook), {
      failOn: 'regression',
      requireCoverage: false,
    });

    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      { kind: 'pull_request', id: 'glm46:default', status: 'regression' },
    ]);
    expect(result.pull_requests.map((report) => [report.id, report.cost_change_usd])).toEqual([
      ['gemini:balanced', -13.9],
      ['glm46:default', 7.5],
      ['codex:economy', -4.83],
    ]);
  });

  it('passes a dataset whose cost does not move', async () => {
    const result = await runCheck(flat, parseReportQuery(runbook), {
      failOn: 'attention',
      requireCoverage: true,
    });

    expect(result.passed).toBe(true);
    expect(result.failures).toEqual([]);
    expect(
      result.sprints.map((report) => [report.id, report.total_cost_usd, report.status]),
    ).toEqual([
      ['sprint-2025-43-1', 17.5, 'on_track'],
      ['sprint-2025-42-2', 17.5, 'on_track'],
    ]);
  });

  it('lists days without events and fails on them only when coverage is required', async () => {
    const window = { ...runbook, start: '2025-10-05T00:00:00Z' };
    const lenient = await runCheck(flat, parseReportQuery(window), {
      failOn: 'regression',
      requireCoverage: false,
    });
    const strict = await runCheck(flat, parseReportQuery(window), {
      failOn: 'regression',
      requireCoverage: true,
    });

    expect(lenient.missing_days).toEqual(['2025-10-05', '2025-10-06', '2025-10-07']);
    expect(lenient.passed).toBe(true);
    expect(strict.passed).toBe(false);
    expect(strict.failures).toEqual([
      { kind: 'coverage', id: '2025-10-05,2025-10-06,2025-10-07', status: 'missing_days' },
    ]);
  });
});

describe('listMissingDays', () => {
  it('walks every UTC day of the window, across a month end', () => {
    expect(listMissingDays('2025-10-30', '2025-11-02', new Set(['2025-10-31']))).toEqual([
      '2025-10-30',
      '2025-11-01',
      '2025-11-02',
    ]);
  });
});

describe('check documents', () => {
  it('renders Markdown tables with status marks, biggest movers first', async () => {
    const result = await runCheck(reference, parseReportQuery(runbook), {
      failOn: 'regression',
      requireCoverage: false,
    });

    expect(renderCheckMarkdown(result)).toBe(
      [
        '## FinOps check: ❌ failed (1 at or past regression)',
        '',
        '### Sprint reports',
        '',
        '| Status | Sprint | Period | Cost (USD) | Previous (USD) | Δ cost | Runs |',
        '| --- | --- | --- | ---: | ---: | ---: | ---: |',
        '| 🟢 on_track | sprint-2025-43-1 | 2025-10-15 – 2025-10-21 | 151.45 | 162.68 | −6.9% | 21 |',
        '| 🟢 on_track | sprint-2025-42-2 | 2025-10-08 – 2025-10-14 | 162.68 | — | ±0.0% | 21 |',
        '',
        '### Pull-request reports',
        '',
        '| Status | Route | Owner | Change (USD) | Δ cost | Δ tokens | Last run |',
        '| --- | --- | --- | ---: | ---: | ---: | --- |',
        '| 🟢 on_track | Gemini MCP · balanced | growth-team | −13.90 | −20.3% | −3670 | 2025-10-21T13:00:00Z |',
        '| 🔴 regression | GLM-4.6 · default | atlas | +7.50 | +14.6% | +2060 | 2025-10-21T14:00:00Z |',
        '| 🟢 on_track | Codex CLI · economy | cli-core | −4.83 | −11.2% | −1855 | 2025-10-21T15:00:00Z |',
        '',
        '### Coverage',
        '',
        'Every UTC day of the window has events (or no window was given).',
        '',
      ].join('\n'),
    );
  });

  it('escapes pipes so a route name cannot break a table row', async () => {
    const store = openStore(':memory:');
    const events = flatDataset().events.map((event) => ({ ...event, route: 'a|b' }));
    await seedDataset(store, { events });
    const result = await runCheck(store, parseReportQuery(runbook), {
      failOn: 'regression',
      requireCoverage: false,
    });

    expect(renderCheckMarkdown(result)).toContain('| 🟢 on_track | Codex CLI · a\\|b | cli-core |');
  });

  it('renders plain text with one line per report and per failure', async () => {
    const result = await runCheck(reference, parseReportQuery(runbook), {
      failOn: 'regression',
      requireCoverage: false,
    });

    expect(renderCheckText(result).split('\n')).toEqual([
      'FinOps check FAILED (fail on regression)',
      '  sprint sprint-2025-43-1 2025-10-15..2025-10-21: 151.45 USD, −6.9%, on_track',
      '  sprint sprint-2025-42-2 2025-10-08..2025-10-14: 162.68 USD, ±0.0%, on_track',
      '  route gemini:balanced: change −13.90 USD, −20.3%, on_track',
      '  route glm46:default: change +7.50 USD, +14.6%, regression',
      '  route codex:economy: change −4.83 USD, −11.2%, on_track',
      '  Every UTC day of the window has events (or no window was given).',
      '  FAIL pull_request glm46:default: regression',
      '',
    ]);
  });
});

describe('listMissingDays at the edges of the calendar', () => {
  it('ends on 9999-12-31 without running past it', () => {
    expect(listMissingDays('9999-12-30', '9999-12-31', new Set())).toEqual([
      '9999-12-30',
      '9999-12-31',
    ]);
  });

  it('refuses a coverage window longer than ten years, naming start', () => {
    expect(() => listMissingDays('1970-01-01', '9999-12-31', new Set())).toThrow(
      expect.objectContaining({ code: 'REPORT_INVALID_WINDOW', parameter: 'start' }),
    );
  });
});
