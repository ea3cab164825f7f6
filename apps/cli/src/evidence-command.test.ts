import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const bundleFiles = [
  'manifest.json',
  'telemetry_export.csv',
  'telemetry_export.html',
  'telemetry_finops_pull_requests.json',
  'telemetry_finops_sprints.json',
  'telemetry_report.html',
];

interface Manifest {
  parameters: Record<string, string>;
  row_counts: Record<string, number>;
  files: { name: string; bytes: number; sha256: string }[];
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file of a bundle, by name. */
function readBundle(dir: string): Record<string, Buffer> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

/** Flips the case of one ASCII letter in the middle of a file, keeping its size. */
function changeOneByte(path: string): void {
  const bytes = readFileSync(path);
  let index = Math.floor(bytes.length / 2);
  while (!/[a-z]/i.test(String.fromCharCode(bytes[index] ?? 0))) index += 1;
  bytes[index] = (bytes[index] ?? 0) ^ 0x20;
  writeFileSync(path, bytes);
}

async function apiBody(
  dbPath: string,
  path: string,
  query: Record<string, string>,
): Promise<string> {
  const store = openStore(dbPath);
  try {
    const response = await createApp({ store }).request(
      `${path}?${new URLSearchParams(query).toString()}`,
    );
    return await response.text();
  } finally {
    await store.close();
  }
}

describe('finops evidence', () => {
  const temp = useTempDir('evidence');
  let db = '';
  let bundle = '';
  let run: Awaited<ReturnType<typeof runFinops>>;

  beforeAll(async () => {
    db = join(temp.dir, 'ref.db');
    bundle = join(temp.dir, 'bundle');
    await seedReferenceDatabase(db);
    run = await runFinops(['evidence', '--db', db, '--out', bundle]);
  });

  it('writes exactly the six bundle files (the runbook four, the report page, the manifest)', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`evidence written to ${bundle} (42 events)\n`);
    expect(readdirSync(bundle).sort()).toEqual(bundleFiles);
  });

  it('lists each written file with its size and digest on stderr', () => {
    const manifest = readManifest(bundle);

    expect(run.stderr).toBe(
      manifest.files
        .map((file) => `  ${file.name}  ${file.bytes} bytes  sha256 ${file.sha256}\n`)
        .join(''),
    );
  });

  it('writes report documents equal to the API bodies for the same parameters', async () => {
    expect(readFileSync(join(bundle, 'telemetry_finops_pull_requests.json'), 'utf8')).toBe(
      reportBody(oraclePullRequests),
    );
    expect(readFileSync(join(bundle, 'telemetry_finops_sprints.json'), 'utf8')).toBe(
      await apiBody(db, '/api/v1/telemetry/finops/sprints', {}),
    );
    expect(readFileSync(join(bundle, 'telemetry_finops_pull_requests.json'), 'utf8')).toBe(
      await apiBody(db, '/api/v1/telemetry/finops/pull-requests', {}),
    );
  });

  it('writes a CSV export of a header and 42 CRLF rows', async () => {
    const csv = readFileSync(join(bundle, 'telemetry_export.csv'), 'utf8');

    expect(csv.split('\r\n')).toHaveLength(44);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
    expect(csv).toBe(await apiBody(db, '/api/v1/telemetry/export', { format: 'csv' }));
  });

  it('writes an HTML export of 42 body rows', () => {
    const html = readFileSync(join(bundle, 'telemetry_export.html'), 'utf8');
    const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));

    expect(body.split('\n').filter((line) => line.startsWith('<tr>'))).toHaveLength(42);
  });

  it('records each file size and SHA-256, the row counts and every parameter in the manifest', () => {
    const manifest = readManifest(bundle);

    expect(manifest.files.map((file) => file.name).sort()).toEqual(
      readdirSync(bundle)
        .filter((name) => name !== 'manifest.json')
        .sort(),
    );
    for (const file of manifest.files) {
      const bytes = readFileSync(join(bundle, file.name));
      expect({ name: file.name, bytes: bytes.length, sha256: sha256(bytes) }).toEqual(file);
    }
    expect(manifest.row_counts).toEqual({ events: 42, sprint_reports: 2, pull_request_reports: 3 });
    expect(manifest.parameters).toEqual({
      window_days: '7',
      limit: '4',
      locale: 'pt-BR',
      attention_threshold: '0.03',
      regression_threshold: '0.08',
    });
  });

  it('writes identical bytes when run again', async () => {
    const again = join(temp.dir, 'again');

    await runFinops(['evidence', '--db', db, '--out', again]);

    expect(readBundle(again)).toEqual(readBundle(bundle));
  });

  it('writes the SPEC §7 sprint reports and the API bodies for the runbook window', async () => {
    const out = join(temp.dir, 'runbook-window');

    const windowed = await runFinops(['evidence', '--db', db, '--out', out, ...runbookFlags]);

    expect(windowed.code).toBe(0);
    expect(readFileSync(join(out, 'telemetry_finops_sprints.json'), 'utf8')).toBe(
      reportBody(oracleSprints),
    );
    expect(readFileSync(join(out, 'telemetry_finops_sprints.json'), 'utf8')).toBe(
      await apiBody(db, '/api/v1/telemetry/finops/sprints', runbookQuery),
    );
    expect(readFileSync(join(out, 'telemetry_finops_pull_requests.json'), 'utf8')).toBe(
      await apiBody(db, '/api/v1/telemetry/finops/pull-requests', runbookQuery),
    );
    expect(readManifest(out).parameters).toMatchObject({
      start: '2025-10-08T00:00:00Z',
      end: '2025-10-21T23:59:59Z',
    });
  });

  it('fails in one line when the folder cannot be written', async () => {
    const blocker = join(temp.dir, 'a-file');
    writeFileSync(blocker, 'not a folder');

    const failed = await runFinops(['evidence', '--db', db, '--out', join(blocker, 'bundle')]);

    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/^finops: cannot write the evidence bundle in .+ \(--out\)\n$/);
  });
});

describe('finops evidence verify', () => {
  const temp = useTempDir('verify');
  let db = '';
  let bundle = '';

  beforeAll(async () => {
    db = join(temp.dir, 'ref.db');
    bundle = join(temp.dir, 'bundle');
    await seedReferenceDatabase(db);
    await runFinops(['evidence', '--db', db, '--out', bundle]);
  });

  /** A copy of the bundle to damage. */
  function copyBundle(name: string): string {
    const dir = join(temp.dir, name);
    cpSync(bundle, dir, { recursive: true });
    return dir;
  }

  it('exits 0 for an untouched bundle', async () => {
    const files = readManifest(bundle).files.length;

    const run = await runFinops(['evidence', 'verify', bundle]);

    expect(run).toEqual({
      code: 0,
      stdout: `evidence in ${bundle} verifies: ${files} files\n`,
      stderr: '',
    });
  });

  it('exits 0 when the database still gives the same documents', async () => {
    const files = readManifest(bundle).files.length;

    const run = await runFinops(['evidence', 'verify', bundle, '--db', db]);

    expect(run).toEqual({
      code: 0,
      stdout: `evidence in ${bundle} verifies: ${files} files, regenerated from the database\n`,
      stderr: '',
    });
  });

  it.each([
    'telemetry_finops_sprints.json',
    'telemetry_finops_pull_requests.json',
    'telemetry_export.csv',
    'telemetry_export.html',
  ])('exits 1 naming %s when one of its bytes changed', async (name) => {
    const dir = copyBundle(`changed-${name}`);
    const expected = readManifest(dir).files.find((file) => file.name === name);
    changeOneByte(join(dir, name));
    const actual = sha256(readFileSync(join(dir, name)));

    const run = await runFinops(['evidence', 'verify', dir]);

    expect(run).toEqual({
      code: 1,
      stdout: `evidence in ${dir} does NOT verify (1 problem)\n`,
      stderr: `${name}: sha256: ${actual}, manifest says ${expected?.sha256}\n`,
    });
  });

  it('exits 1 naming the file whose digest changed in manifest.json', async () => {
    const dir = copyBundle('changed-manifest-digest');
    const manifestPath = join(dir, 'manifest.json');
    const manifest = readManifest(dir);
    const csv = manifest.files.find((file) => file.name === 'telemetry_export.csv');
    const text = readFileSync(manifestPath, 'utf8');
    const forged = `${csv?.sha256.slice(0, -1)}${csv?.sha256.endsWith('0') ? '1' : '0'}`;
    writeFileSync(manifestPath, text.replace(csv?.sha256 ?? '', forged));

    const run = await runFinops(['evidence', 'verify', dir]);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `telemetry_export.csv: sha256: ${csv?.sha256}, manifest says ${forged}\n`,
    );
  });

  // Guards the manifest itself: with --db the window and row counts can be recomputed, so an
  // edited manifest must not verify. Fails today: verification compares only the documents and the
  // event fingerprint (packages/export/src/evidence-verify.ts, compareWithSource).
  it.each([
    [
      'window.first_event',
      '"first_event": "2025-10-08T13:00:00Z"',
      '"first_event": "2025-10-01T13:00:00Z"',
    ],
    ['row_counts.sprint_reports', '"sprint_reports": 2', '"sprint_reports": 7'],
  ])('exits 1 with --db naming manifest.json when its %s was edited', async (field, from, to) => {
    const dir = copyBundle(`edited-${field}`);
    const manifestPath = join(dir, 'manifest.json');
    const text = readFileSync(manifestPath, 'utf8');
    expect(text).toContain(from);
    writeFileSync(manifestPath, text.replace(from, to));

    const run = await runFinops(['evidence', 'verify', dir, '--db', db]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^manifest\.json: /m);
  });

  it('exits 1 in one line when manifest.json is not JSON any more', async () => {
    const dir = copyBundle('broken-manifest');
    writeFileSync(
      join(dir, 'manifest.json'),
      readFileSync(join(dir, 'manifest.json'), 'utf8').replace('{', '['),
    );

    const run = await runFinops(['evidence', 'verify', dir]);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(`^finops: cannot read ${join(dir, 'manifest.json')}: .+ \\(--dir\\)\\n$`),
    );
  });

  it('exits 1 naming a missing file', async () => {
    const dir = copyBundle('missing-file');
    rmSync(join(dir, 'telemetry_export.html'));

    const run = await runFinops(['evidence', 'verify', dir]);

    expect(run).toEqual({
      code: 1,
      stdout: `evidence in ${dir} does NOT verify (1 problem)\n`,
      stderr: 'telemetry_export.html: missing: the file is not in the bundle\n',
    });
  });

  it('exits 1 with --db when the database no longer gives the same documents', async () => {
    const changedDb = join(temp.dir, 'changed.db');
    await seedReferenceDatabase(changedDb);
    const extra = join(temp.dir, 'extra.jsonl');
    const event = {
      provider_id: 'glm46',
      tool: 'glm46.chat',
      ts: '2025-10-21T18:00:00Z',
      tokens_in: 10,
      cost_usd: 1,
    };
    writeFileSync(extra, `${JSON.stringify(event)}\n`);
    expect((await runFinops(['ingest', extra, '--db', changedDb])).stdout).toBe(
      'inserted 1, duplicates 0, rejected 0\n',
    );

    const run = await runFinops(['evidence', 'verify', bundle, '--db', changedDb]);
    const problems = run.stderr.split('\n').filter(Boolean);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `evidence in ${bundle} does NOT verify (${problems.length} problems)\n`,
    );
    expect(problems[0]).toMatch(
      /^manifest\.json: events: the database now holds 43 matching events with another fingerprint \([0-9a-f]{64}\)$/,
    );
    expect(problems).toContain(
      'manifest.json: regenerated: row_counts is {"events":42,"sprint_reports":2,"pull_request_reports":3}, ' +
        'the database gives {"events":43,"sprint_reports":2,"pull_request_reports":3}',
    );
    expect(problems.slice(1).map((line) => line.split(':')[0])).toEqual(
      expect.arrayContaining([
        'telemetry_finops_sprints.json',
        'telemetry_finops_pull_requests.json',
        'telemetry_export.csv',
        'telemetry_export.html',
      ]),
    );
    expect(
      problems
        .filter((line) => !line.startsWith('manifest.json: '))
        .every((line) =>
          / regenerated: differs from the database's document at byte \d+$/.test(line),
        ),
    ).toBe(true);
  });

  it('exits 1 in one line for a --db that does not exist', async () => {
    const missing = join(temp.dir, 'missing.db');

    const run = await runFinops(['evidence', 'verify', bundle, '--db', missing]);

    expect(run).toEqual({ code: 1, stdout: '', stderr: `finops: no database at ${missing}\n` });
    expect(existsSync(missing)).toBe(false);
  });

  it('verifies against another database seeded from the same dataset file', async () => {
    const otherDb = join(temp.dir, 'other.db');
    await runFinops(['seed', '--dataset', referenceDatasetPath, '--db', otherDb]);

    const run = await runFinops(['evidence', 'verify', bundle, '--db', otherDb]);

    expect(run.code).toBe(0);
  });
});
