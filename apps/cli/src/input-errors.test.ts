import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ensureCliBuilt,
  runFinops,
  seedReferenceDatabase,
  spawnFinops,
  useTempDir,
} from './_cli.js';

const windowDaysRange = 'expected an integer from 1 to 90 (for example 7)';
const limitRange = 'expected an integer from 1 to 12 (for example 4)';

/** Bad flags of `report sprints` and the one line the CLI prints for each. */
const badReportFlags: [string[], string][] = [
  [['--window-days', '0'], `invalid window_days: ${windowDaysRange}, received "0" (--window-days)`],
  [
    ['--window-days', 'abc'],
    `invalid window_days: ${windowDaysRange}, received "abc" (--window-days)`,
  ],
  [
    ['--window-days', '7.5'],
    `invalid window_days: ${windowDaysRange}, received "7.5" (--window-days)`,
  ],
  [
    ['--window-days', '91'],
    `invalid window_days: ${windowDaysRange}, received "91" (--window-days)`,
  ],
  [['--limit', '0'], `invalid limit: ${limitRange}, received "0" (--limit)`],
  [['--limit', '13'], `invalid limit: ${limitRange}, received "13" (--limit)`],
  [['--locale', 'xx'], 'invalid locale: expected one of pt-BR, en, received "xx" (--locale)'],
  [
    ['--lane', 'fast'],
    'invalid lane: expected one of economy, balanced, turbo, received "fast" (--lane)',
  ],
  [
    ['--start', '2025-10-21T00:00:00Z', '--end', '2025-10-08T00:00:00Z'],
    'invalid start: expected start to be on or before end (--start)',
  ],
  [['--start', '2025-02-30T00:00:00Z'], 'invalid start: impossible date 2025-02-30 (--start)'],
  [['--end', '2025-04-31T00:00:00Z'], 'invalid end: impossible date 2025-04-31 (--end)'],
];

describe('finops on bad input', () => {
  const temp = useTempDir('input');
  let db = '';

  beforeAll(async () => {
    db = join(temp.dir, 'ref.db');
    ensureCliBuilt();
    await seedReferenceDatabase(db);
  });

  it.each(badReportFlags)(
    'report sprints %j prints one line and exits 1',
    async (flags, message) => {
      const run = await runFinops(['report', 'sprints', '--db', db, ...flags]);

      expect(run).toEqual({ code: 1, stdout: '', stderr: `finops: ${message}\n` });
    },
  );

  it.each(badReportFlags)(
    'evidence %j prints one line, exits 1 and writes nothing',
    async (flags, message) => {
      const out = join(temp.dir, 'evidence-never');

      const run = await runFinops(['evidence', '--db', db, '--out', out, ...flags]);

      expect(run).toEqual({ code: 1, stdout: '', stderr: `finops: ${message}\n` });
      expect(existsSync(out)).toBe(false);
    },
  );

  it('refuses an unknown export format naming --format', async () => {
    const run = await runFinops(['export', '--db', db, '--format', 'xml']);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'finops: unknown export format: expected one of csv, html, json (for example "csv"), got "xml" (--format)\n',
    });
  });

  it('refuses a report format outside json and table', async () => {
    const run = await runFinops(['report', 'sprints', '--db', db, '--format', 'csv']);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "finops: option '--format <format>' argument 'csv' is invalid. Allowed choices are json, table. (see finops --help)\n",
    );
  });

  it('refuses export without --format', async () => {
    const run = await runFinops(['export', '--db', db]);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: "finops: required option '--format <format>' not specified (see finops --help)\n",
    });
  });

  it('refuses an unknown command', async () => {
    const run = await runFinops(['frobnicate']);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: "finops: unknown command 'frobnicate' (see finops --help)\n",
    });
  });

  it('prints the help on stdout and exits 0', async () => {
    const run = await runFinops(['--help']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: finops [options] [command]');
    expect(run.stdout).toContain('Exit codes:');
    expect(run.stderr).toBe('');
  });

  it.each([
    [
      ['report', 'sprints', '--window-days', 'abc'],
      `finops: invalid window_days: ${windowDaysRange}, received "abc" (--window-days)`,
    ],
    [
      ['report', 'pull-requests', '--limit', '13'],
      `finops: invalid limit: ${limitRange}, received "13" (--limit)`,
    ],
    [
      ['report', 'sprints', '--start', '2025-02-30T00:00:00Z'],
      'finops: invalid start: impossible date 2025-02-30 (--start)',
    ],
    [
      ['export', '--format', 'pdf'],
      'finops: unknown export format: expected one of csv, html, json (for example "csv"), got "pdf" (--format)',
    ],
  ])('the built CLI prints %j as one line without a stack trace', async (args, line) => {
    const run = await spawnFinops([...args, '--db', db]);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${line}\n`);
  });

  it('the built CLI reports a missing database in one line', async () => {
    const missing = join(temp.dir, 'missing.db');

    const run = await spawnFinops(['report', 'sprints', '--db', missing]);

    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `finops: no database at ${missing}: load one with "finops seed" or "finops ingest", or pass --db\n`,
    );
  });

  it('the built CLI reports a database path it cannot open in one line', async () => {
    const run = await spawnFinops(['report', 'sprints', '--db', temp.dir]);

    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `finops: cannot open the database at ${temp.dir}: unable to open database file\n`,
    );
  });
});
