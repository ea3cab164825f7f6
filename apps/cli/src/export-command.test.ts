import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '@finops/api';
import { openStore } from '@finops/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFinops, seedReferenceDatabase, useTempDir } from './_cli.js';

const CSV_HEADER =
  'timestamp,provider_id,tool,route,status,tokens_in,tokens_out,duration_ms,cost_estimated_usd,' +
  'experiment_cohort,experiment_tag,metadata,source_file';

/** The export the API answers over the same database file, as bytes. */
async function apiExport(dbPath: string, query: Record<string, string>): Promise<Buffer> {
  const store = openStore(dbPath);
  try {
    const response = await createApp({ store }).request(
      `/api/v1/telemetry/export?${new URLSearchParams(query).toString()}`,
    );
    return Buffer.from(await response.arrayBuffer());
  } finally {
    await store.close();
  }
}

describe('finops export', () => {
  const temp = useTempDir('export');
  let db = '';

  beforeAll(async () => {
    db = join(temp.dir, 'ref.db');
    await seedReferenceDatabase(db);
  });

  it.each([
    ['csv', []],
    ['html', []],
    ['json', []],
    ['csv', ['--bom']],
    ['csv', ['--provider-id', 'codex', '--start', '2025-10-15T00:00:00Z']],
    ['html', ['--lane', 'turbo']],
    ['json', ['--route', 'economy', '--end', '2025-10-10T23:59:59Z']],
  ])(
    'writes --format %s %j to --out with the same bytes as the API body',
    async (format, flags) => {
      const out = join(
        temp.dir,
        `export-${format}-${flags.join('_').replace(/[^a-z0-9_-]/gi, '')}.${format}`,
      );
      const query: Record<string, string> = { format };
      for (let index = 0; index < flags.length; index += 1) {
        const flag = flags[index] ?? '';
        if (flag === '--bom') query['bom'] = '1';
        else query[flag.slice(2).replaceAll('-', '_')] = flags[(index += 1)] ?? '';
      }

      const run = await runFinops([
        'export',
        '--db',
        db,
        '--format',
        format,
        '--out',
        out,
        ...flags,
      ]);
      const written = readFileSync(out);

      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        new RegExp(`^wrote \\d+ events to ${out.replaceAll('.', '\\.')}\\n$`),
      );
      expect(written.equals(await apiExport(db, query))).toBe(true);
    },
  );

  it('says how many events it wrote', async () => {
    const out = join(temp.dir, 'count.csv');

    const run = await runFinops(['export', '--db', db, '--format', 'csv', '--out', out]);

    expect(run.stderr).toBe(`wrote 42 events to ${out}\n`);
    expect(readFileSync(out, 'utf8').split('\r\n')).toHaveLength(44);
  });

  it('prints the document on stdout without --out', async () => {
    const out = join(temp.dir, 'stdout.csv');
    await runFinops(['export', '--db', db, '--format', 'csv', '--out', out]);

    const run = await runFinops(['export', '--db', db, '--format', 'csv']);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(readFileSync(out, 'utf8'));
    expect(run.stdout.startsWith(`${CSV_HEADER}\r\n`)).toBe(true);
  });

  it('starts the CSV with exactly one BOM when --bom is given', async () => {
    const run = await runFinops(['export', '--db', db, '--format', 'csv', '--bom']);

    expect(run.stdout.startsWith(`\uFEFF${CSV_HEADER}\r\n`)).toBe(true);
    expect(run.stdout.split('\uFEFF')).toHaveLength(2);
  });

  it('prints a CSV header only when no event matches', async () => {
    const run = await runFinops([
      'export',
      '--db',
      db,
      '--format',
      'csv',
      '--provider-id',
      'nobody',
    ]);

    expect(run).toEqual({ code: 0, stdout: `${CSV_HEADER}\r\n`, stderr: '' });
  });

  it('refuses a bad filter before writing the file', async () => {
    const out = join(temp.dir, 'never.csv');

    const run = await runFinops([
      'export',
      '--db',
      db,
      '--format',
      'csv',
      '--out',
      out,
      '--start',
      '2025-02-30T00:00:00Z',
    ]);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'finops: invalid start: impossible date 2025-02-30 (--start)\n',
    });
    expect(existsSync(out)).toBe(false);
  });
});
