import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDatasetPath, runFinops, seedReferenceDatabase, useTempDir } from './_cli.js';

describe('guards against input that would lose or misread data', () => {
  const temp = useTempDir('guards');

  it('refuses a --rejects file that is also an input, keeping that input intact', async () => {
    const input = join(temp.dir, 'bad.jsonl');
    writeFileSync(input, '{"provider_id":"codex"}\n');

    const run = await runFinops([
      'ingest',
      input,
      '--db',
      join(temp.dir, 'g.db'),
      '--rejects',
      input,
    ]);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `finops: --rejects ${input} is also an input: choose another file for the refused records\n`,
    );
    expect(readFileSync(input, 'utf8')).toBe('{"provider_id":"codex"}\n');
  });

  it.each([
    ['the database itself', (db: string) => db, 'the database'],
    ['a link to the database', (db: string) => `${db}.link`, 'the database'],
    ['its WAL file', (db: string) => `${db}-wal`, `a file of the database DB`],
    ['its rollback journal', (db: string) => `${db}-journal`, `a file of the database DB`],
  ])(
    'refuses export --out and ingest --rejects naming %s, keeping every event',
    async (_name, target, role) => {
      const db = join(temp.dir, `kept-${role.length}-${_name.length}.db`);
      await seedReferenceDatabase(db);
      symlinkSync(db, `${db}.link`);
      const before = await runFinops(['export', '--format', 'json', '--db', db]);
      const input = join(temp.dir, 'one.jsonl');
      writeFileSync(input, '{"provider_id":"codex"}\n');
      const out = target(db);
      const what = role.replace('DB', db);

      const exported = await runFinops(['export', '--format', 'csv', '--db', db, '--out', out]);
      const ingested = await runFinops(['ingest', input, '--db', db, '--rejects', out]);

      expect(exported).toEqual({
        code: 1,
        stdout: '',
        stderr: `finops: --out ${out} is ${what}: choose another file for the export\n`,
      });
      expect(ingested).toEqual({
        code: 1,
        stdout: '',
        stderr: `finops: --rejects ${out} is ${what}: choose another file for the refused records\n`,
      });
      const after = await runFinops(['export', '--format', 'json', '--db', db]);
      expect(after.stdout).toBe(before.stdout);
      expect(JSON.parse(after.stdout)).toHaveLength(42);
    },
  );

  it('follows links: a --db link guards the real WAL, and a dangling link to it is refused', async () => {
    const db = join(temp.dir, 'real.db');
    await seedReferenceDatabase(db);
    const dbLink = join(temp.dir, 'via-link.db');
    symlinkSync(db, dbLink);
    const walLink = join(temp.dir, 'wal-link');
    symlinkSync(`${db}-wal`, walLink);
    const input = join(temp.dir, 'one-more.jsonl');
    writeFileSync(input, '{"provider_id":"codex"}\n');

    const runs = [
      await runFinops(['export', '--format', 'csv', '--db', dbLink, '--out', `${db}-wal`]),
      await runFinops(['ingest', input, '--db', dbLink, '--rejects', `${db}-wal`]),
      await runFinops(['ingest', input, '--db', db, '--rejects', walLink]),
    ];

    expect(runs.map((run) => [run.code, run.stderr])).toEqual([
      [
        1,
        `finops: --out ${db}-wal is a file of the database ${dbLink}: choose another file for the export\n`,
      ],
      [
        1,
        `finops: --rejects ${db}-wal is a file of the database ${dbLink}: choose another file for the refused records\n`,
      ],
      [
        1,
        `finops: --rejects ${walLink} is a file of the database ${db}: choose another file for the refused records\n`,
      ],
    ]);
    const after = await runFinops(['export', '--format', 'json', '--db', db]);
    expect(JSON.parse(after.stdout)).toHaveLength(42);
  });

  it.runIf(existsSync('/dev/full'))(
    'stops in one line when the rejects file cannot be written, keeping what was stored',
    async () => {
      const input = join(temp.dir, 'mixed.jsonl');
      const good = (n: number) =>
        `{"provider_id":"codex","tool":"t","ts":"2025-10-21T10:00:${String(n).padStart(2, '0')}Z"}`;
      writeFileSync(input, [good(1), '{"provider_id":"codex"}', good(2)].join('\n'));
      const db = join(temp.dir, 'full.db');

      const run = await runFinops(['ingest', input, '--db', db, '--rejects', '/dev/full']);
      const again = await runFinops(['ingest', input, '--db', db]);

      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'finops: cannot write --rejects /dev/full: ENOSPC; the events read before this are stored, and ingesting again adds only the rest\n',
      });
      expect(again.stdout).toBe('inserted 0, duplicates 2, rejected 1\n');
    },
  );

  it.each([
    [['report', 'sprints', '--db', ''], 'finops: --db must name a database file\n'],
    [
      ['seed', '--dataset', 'EVENTS5', '--db', 'X'],
      'finops: --dataset EVENTS5 must be a dataset document: {"events": [...]}\n',
    ],
  ])('refuses %j in one line', async (argv, stderr) => {
    const events5 = join(temp.dir, 'events5.json');
    writeFileSync(events5, '{"events": 5}');
    const args = argv.map((arg) =>
      arg === 'EVENTS5' ? events5 : arg === 'X' ? join(temp.dir, 'x.db') : arg,
    );

    const run = await runFinops(args);

    expect(run).toEqual({ code: 1, stdout: '', stderr: stderr.replace('EVENTS5', events5) });
  });

  it('treats an empty file given as --db to a reading command as no database', async () => {
    const empty = join(temp.dir, 'empty.db');
    writeFileSync(empty, '');

    const run = await runFinops(['report', 'sprints', '--db', empty]);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `finops: no database at ${empty}: load one with "finops seed" or "finops ingest", or pass --db\n`,
    );
    expect(readFileSync(empty).length).toBe(0);
  });

  it('refuses a negative threshold naming it', async () => {
    const db = join(temp.dir, 'ref.db');
    await seedReferenceDatabase(db);

    const run = await runFinops(['check', '--db', db, '--attention-threshold', '-1']);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^finops: invalid attention_threshold: expected a non-negative decimal ratio such as 0\.05, received "-1" \(--attention-threshold\)\n$/,
    );
  });

  it('names a file that is in the evidence folder but not in its manifest', async () => {
    const db = join(temp.dir, 'ev.db');
    const bundle = join(temp.dir, 'bundle');
    await runFinops(['seed', '--dataset', referenceDatasetPath, '--db', db]);
    await runFinops(['evidence', '--db', db, '--out', bundle]);
    writeFileSync(join(bundle, 'extra.txt'), 'not evidence');

    const run = await runFinops(['evidence', 'verify', bundle]);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('extra.txt: unlisted: the file is not in the manifest\n');
    expect(run.stdout).toBe(`evidence in ${bundle} does NOT verify (1 problem)\n`);
  });
});
