import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFinops, useTempDir } from './_cli.js';

describe('finops runbook', () => {
  const temp = useTempDir('runbook');

  it('seeds the sample dataset into a new database and writes the evidence bundle', async () => {
    const db = join(temp.dir, 'x.db');
    const out = join(temp.dir, 'bundle');

    const run = await runFinops(['runbook', '--db', db, '--out', out]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      row_counts: { events: number };
      files: { name: string; bytes: number }[];
    };

    expect(run.code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(readdirSync(out)).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'telemetry_export.csv',
        'telemetry_export.html',
        'telemetry_finops_pull_requests.json',
        'telemetry_finops_sprints.json',
      ]),
    );
    expect(run.stdout).toBe(
      `evidence written to ${out} (${manifest.row_counts.events} events, database ${db})\n`,
    );
    expect(run.stderr).toBe(
      [
        `seeded ${db}: inserted ${manifest.row_counts.events}, duplicates 0`,
        ...manifest.files.map((file) => `  ${file.name}  ${file.bytes} bytes`),
        '',
      ].join('\n'),
    );
    expect(manifest.row_counts.events).toBeGreaterThan(0);
  });

  it('stores nothing new and writes the same bundle when run again', async () => {
    const db = join(temp.dir, 'twice.db');
    const first = join(temp.dir, 'first');
    const second = join(temp.dir, 'second');

    await runFinops(['runbook', '--db', db, '--out', first]);
    const again = await runFinops(['runbook', '--db', db, '--out', second]);

    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^seeded .+: inserted 0, duplicates \d+\n/);
    for (const name of readdirSync(first)) {
      expect(readFileSync(join(second, name))).toEqual(readFileSync(join(first, name)));
    }
  });

  it('gives a bundle that verifies against its database', async () => {
    const db = join(temp.dir, 'verify.db');
    const out = join(temp.dir, 'verify');
    await runFinops(['runbook', '--db', db, '--out', out]);

    const run = await runFinops(['evidence', 'verify', out, '--db', db]);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ verifies: \d+ files, regenerated from the database\n$/);
    expect(run.stderr).toBe('');
  });
});
