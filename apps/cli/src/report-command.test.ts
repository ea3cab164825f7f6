import { join } from 'node:path';
import { createApp } from '@finops/api';
import { openStore } from '@finops/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  referenceDatasetPath,
  runbookFlags,
  runbookQuery,
  runFinops,
  seedReferenceDatabase,
  useTempDir,
} from './_cli.js';
import { oraclePullRequests, oracleSprints, reportBody } from '@finops/oracle';

/** The body the API answers for `path?query` over the same database file. */
async function apiBody(
  dbPath: string,
  path: string,
  query: Record<string, string>,
): Promise<string> {
  const store = openStore(dbPath);
  try {
    const app = createApp({ store });
    const response = await app.request(`${path}?${new URLSearchParams(query).toString()}`);
    return await response.text();
  } finally {
    await store.close();
  }
}

describe('finops seed', () => {
  const temp = useTempDir('seed');

  it('loads the 42 reference events, then stores nothing new the second time', async () => {
    const db = join(temp.dir, 'ref.db');

    const first = await runFinops(['seed', '--dataset', referenceDatasetPath, '--db', db]);
    const second = await runFinops(['seed', '--dataset', referenceDatasetPath, '--db', db]);

    expect(first).toEqual({
      code: 0,
      stdout: `seeded ${db}: inserted 42, duplicates 0, rejected 0\n`,
      stderr: '',
    });
    expect(second).toEqual({
      code: 0,
      stdout: `seeded ${db}: inserted 0, duplicates 42, rejected 0\n`,
      stderr: '',
    });
  });

  it.each([
    [[], 'finops: seed needs --dataset FILE or --sample\n'],
    [['--dataset', 'x.json', '--sample'], 'finops: give either --dataset or --sample, not both\n'],
  ])('refuses %j with one line', async (flags, stderr) => {
    const run = await runFinops(['seed', '--db', join(temp.dir, 'never.db'), ...flags]);

    expect(run).toEqual({ code: 1, stdout: '', stderr });
  });

  it('names the flag when the dataset file is missing', async () => {
    const missing = join(temp.dir, 'missing.json');

    const run = await runFinops(['seed', '--dataset', missing, '--db', join(temp.dir, 'never.db')]);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `finops: cannot read --dataset ${missing}: ENOENT\n`,
    });
  });
});

describe('finops report on the reference dataset', () => {
  const temp = useTempDir('report');
  let db = '';

  beforeAll(async () => {
    db = join(temp.dir, 'ref.db');
    await seedReferenceDatabase(db);
  });

  it('prints the two runbook sprint reports of SPEC §7', async () => {
    const run = await runFinops([
      'report',
      'sprints',
      '--db',
      db,
      ...runbookFlags,
      '--format',
      'json',
    ]);

    expect(run).toEqual({ code: 0, stdout: reportBody(oracleSprints), stderr: '' });
  });

  it('prints the three pull-request reports, glm46:default first', async () => {
    const run = await runFinops(['report', 'pull-requests', '--db', db, '--format', 'json']);

    expect(run).toEqual({ code: 0, stdout: reportBody(oraclePullRequests), stderr: '' });
  });

  it('prints identical bytes when run again', async () => {
    const first = await runFinops(['report', 'pull-requests', '--db', db]);
    const second = await runFinops(['report', 'pull-requests', '--db', db]);

    expect(second.stdout).toBe(first.stdout);
  });

  it.each([
    ['sprints', runbookFlags, '/api/v1/telemetry/finops/sprints', runbookQuery],
    ['pull-requests', [], '/api/v1/telemetry/finops/pull-requests', {}],
    [
      'sprints',
      ['--locale', 'en', '--limit', '1'],
      '/api/v1/telemetry/finops/sprints',
      { locale: 'en', limit: '1' },
    ],
    [
      'pull-requests',
      ['--lane', 'balanced'],
      '/api/v1/telemetry/finops/pull-requests',
      { lane: 'balanced' },
    ],
    [
      'pareto',
      runbookFlags.slice(0, 4),
      '/api/v1/telemetry/pareto',
      { start: runbookQuery.start, end: runbookQuery.end },
    ],
    ['lane-costs', [], '/api/v1/telemetry/lane-costs', {}],
    [
      'timeseries',
      ['--provider-id', 'codex'],
      '/api/v1/telemetry/timeseries',
      { provider_id: 'codex' },
    ],
    ['runs', ['--limit', '5'], '/api/v1/telemetry/runs', { limit: '5' }],
  ])('prints the API body of %s %j byte for byte', async (kind, flags, path, query) => {
    const run = await runFinops(['report', kind, '--db', db, ...flags]);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await apiBody(db, path, query));
  });

  it('reads the database path from FINOPS_DB_PATH', async () => {
    const run = await runFinops(['report', 'pull-requests'], { FINOPS_DB_PATH: db });

    expect(run.stdout).toBe(reportBody(oraclePullRequests));
  });

  it('prefers --db over FINOPS_DB_PATH and FINOPS_DB_PATH over CONSOLE_MCP_DB_PATH', async () => {
    const missing = join(temp.dir, 'missing.db');

    const flagWins = await runFinops(['report', 'sprints', '--db', db], {
      FINOPS_DB_PATH: missing,
    });
    const envWins = await runFinops(['report', 'sprints'], {
      FINOPS_DB_PATH: missing,
      CONSOLE_MCP_DB_PATH: db,
    });
    const fallback = await runFinops(['report', 'sprints'], { CONSOLE_MCP_DB_PATH: db });

    expect(flagWins.code).toBe(0);
    expect(envWins.code).toBe(1);
    expect(fallback.code).toBe(0);
  });

  it('prints the sprints as a table with status marks', async () => {
    const run = await runFinops([
      'report',
      'sprints',
      '--db',
      db,
      ...runbookFlags,
      '--format',
      'table',
    ]);
    const rows = run.stdout.split('\n').filter((line) => line.includes('sprint-2025-'));

    expect(run.code).toBe(0);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      /│ sprint-2025-43-1 +│ 2025-10-15 – 2025-10-21 │ +21 │ +\$151\.45 │ +\$162\.68 │ +−6\.9% │/,
    );
    expect(rows[0]).toContain('✓ on_track');
    expect(rows[1]).toMatch(
      /│ sprint-2025-42-2 +│ 2025-10-08 – 2025-10-14 │ +21 │ +\$162\.68 │ +— │ +±0\.0% │/,
    );
  });

  it('prints a one-line notice for a table without reports', async () => {
    const run = await runFinops([
      'report',
      'sprints',
      '--db',
      db,
      '--provider-id',
      'nobody',
      '--format',
      'table',
    ]);

    expect(run).toEqual({ code: 0, stdout: 'No results.\n', stderr: '' });
  });

  it('refuses an unknown report kind with one line', async () => {
    const run = await runFinops(['report', 'costs', '--db', db]);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^finops: unknown report "costs": expected one of sprints, pull-requests, [a-z, -]+\n$/,
    );
  });
});

describe('finops report without a database', () => {
  const temp = useTempDir('report-missing');

  it('explains how to load one and creates nothing', async () => {
    const db = join(temp.dir, 'none.db');

    const run = await runFinops(['report', 'sprints', '--db', db]);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `finops: no database at ${db}: load one with "finops seed" or "finops ingest", or pass --db\n`,
    });
  });

  it('prints {"items": []} for an empty database', async () => {
    const db = join(temp.dir, 'empty.db');
    await openStore(db).close();

    const run = await runFinops(['report', 'sprints', '--db', db]);

    expect(run).toEqual({ code: 0, stdout: '{\n  "items": []\n}\n', stderr: '' });
  });
});
