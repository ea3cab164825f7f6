import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runFinops, seedReferenceDatabase, useTempDir } from './_cli.js';

const samplePrices = [
  {
    id: 1,
    provider_id: 'gemini',
    model: null,
    input_cost_per_1k: 0.0025,
    output_cost_per_1k: 0.0035,
    cache_read_cost_per_1k: null,
    cache_write_cost_per_1k: null,
    effective_at: null,
  },
  {
    id: 2,
    provider_id: 'glm46',
    model: null,
    input_cost_per_1k: 0.0018,
    output_cost_per_1k: 0.0022,
    cache_read_cost_per_1k: null,
    cache_write_cost_per_1k: null,
    effective_at: null,
  },
  {
    id: 3,
    provider_id: 'codex',
    model: null,
    input_cost_per_1k: 0.002,
    output_cost_per_1k: 0.0025,
    cache_read_cost_per_1k: null,
    cache_write_cost_per_1k: null,
    effective_at: null,
  },
];

describe('finops prices', () => {
  const temp = useTempDir('prices');
  let db: string;
  let count = 0;

  beforeEach(async () => {
    count += 1;
    db = join(temp.dir, `prices-${count}.db`);
    await seedReferenceDatabase(db);
  });

  async function listJson(): Promise<unknown> {
    const run = await runFinops(['prices', 'list', '--db', db, '--format', 'json']);
    return (JSON.parse(run.stdout) as { items: unknown[] }).items;
  }

  /** Writes a JSON file of price entries in the temp folder and returns its path. */
  function priceFile(name: string, value: unknown): string {
    const path = join(temp.dir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  }

  it('lists the sample price entries seeding installs as JSON', async () => {
    const run = await runFinops(['prices', 'list', '--db', db, '--format', 'json']);

    expect(run).toEqual({
      code: 0,
      stdout: `${JSON.stringify({ items: samplePrices }, null, 2)}\n`,
      stderr: '',
    });
  });

  it('lists the price entries as a table with every digit of each price', async () => {
    await runFinops([
      'prices',
      'add',
      '--db',
      db,
      '--provider-id',
      'claude',
      '--model',
      'opus',
      '--input',
      '0.015',
      '--output',
      '0.075',
      '--cache-read',
      '0.0015',
    ]);

    const run = await runFinops(['prices', 'list', '--db', db]);
    const rows = run.stdout.split('\n').filter((line) => /^│ +\d/.test(line));

    expect(
      rows.map((row) =>
        row
          .split('│')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      ),
    ).toEqual([
      ['1', 'gemini', '(any)', '$0.0025', '$0.0035', '—', '—', 'always'],
      ['2', 'glm46', '(any)', '$0.0018', '$0.0022', '—', '—', 'always'],
      ['3', 'codex', '(any)', '$0.002', '$0.0025', '—', '—', 'always'],
      ['4', 'claude', 'opus', '$0.015', '$0.075', '$0.0015', '—', 'always'],
    ]);
  });

  it('adds an entry and prices the events that had no cost', async () => {
    const events = join(temp.dir, `unpriced-${count}.jsonl`);
    writeFileSync(
      events,
      `${JSON.stringify({
        provider_id: 'claude',
        tool: 'opus',
        ts: '2025-10-21T20:00:00Z',
        tokens_in: 2000,
        tokens_out: 1000,
      })}\n`,
    );
    await runFinops(['ingest', events, '--db', db]);
    const before = await runFinops(['report', 'runs', '--db', db, '--provider-id', 'claude']);

    const run = await runFinops([
      'prices',
      'add',
      '--db',
      db,
      '--provider-id',
      'claude',
      '--model',
      'opus',
      '--input',
      '0.015',
      '--output',
      '0.075',
      '--effective-at',
      '2025-10-01T00:00:00Z',
    ]);
    const after = await runFinops(['report', 'runs', '--db', db, '--provider-id', 'claude']);

    expect(run).toEqual({ code: 0, stdout: 'added price entry 4\n', stderr: '' });
    expect(await listJson()).toEqual([
      ...samplePrices,
      {
        id: 4,
        provider_id: 'claude',
        model: 'opus',
        input_cost_per_1k: 0.015,
        output_cost_per_1k: 0.075,
        cache_read_cost_per_1k: null,
        cache_write_cost_per_1k: null,
        effective_at: '2025-10-01T00:00:00Z',
      },
    ]);
    expect(JSON.parse(before.stdout).items[0].cost_usd).toBeNull();
    expect(JSON.parse(after.stdout).items[0].cost_usd).toBe(0.105);
  });

  it.each([
    [['--input', 'abc'], 'finops: --input must be a non-negative number, got "abc"\n'],
    [['--input', '-1'], 'finops: --input must be a non-negative number, got "-1"\n'],
    [['--output', '1e3'], 'finops: --output must be a non-negative number, got "1e3"\n'],
    [['--output', ''], 'finops: --output must be a non-negative number, got ""\n'],
    [
      ['--effective-at', '2025-02-30T00:00:00Z'],
      'finops: invalid price entry: effective_at: impossible date 2025-02-30\n',
    ],
  ])('refuses add %j naming the flag and adds nothing', async (flags, stderr) => {
    const run = await runFinops(['prices', 'add', '--db', db, '--provider-id', 'claude', ...flags]);

    expect(run).toEqual({ code: 1, stdout: '', stderr });
    expect(await listJson()).toEqual(samplePrices);
  });

  it('removes an entry by id', async () => {
    const run = await runFinops(['prices', 'remove', '2', '--db', db]);

    expect(run).toEqual({ code: 0, stdout: 'removed price entry 2\n', stderr: '' });
    expect(await listJson()).toEqual([samplePrices[0], samplePrices[2]]);
  });

  it.each([
    ['99', 'finops: no price entry with id 99\n'],
    ['x', 'finops: price id must be a whole number, got "x"\n'],
    ['1.5', 'finops: price id must be a whole number, got "1.5"\n'],
  ])('refuses to remove %s and removes nothing', async (id, stderr) => {
    const run = await runFinops(['prices', 'remove', id, '--db', db]);

    expect(run).toEqual({ code: 1, stdout: '', stderr });
    expect(await listJson()).toEqual(samplePrices);
  });

  it.each([
    ['an array', (entries: unknown[]) => entries],
    ['a {"prices": [...]} document', (entries: unknown[]) => ({ prices: entries })],
  ])('imports the entries of %s', async (_, shape) => {
    const file = priceFile(
      `import-${count}.json`,
      shape([
        { provider_id: 'claude', input_cost_per_1k: 0.003, output_cost_per_1k: 0.015 },
        {
          provider_id: 'claude',
          model: 'haiku',
          input_cost_per_1k: 0.0008,
          output_cost_per_1k: null,
          cache_read_cost_per_1k: null,
          cache_write_cost_per_1k: null,
          effective_at: '2025-10-01T00:00:00Z',
        },
      ]),
    );

    const run = await runFinops(['prices', 'import', file, '--db', db]);

    expect(run).toEqual({ code: 0, stdout: `imported 2 price entries from ${file}\n`, stderr: '' });
    expect(await listJson()).toEqual([
      ...samplePrices,
      {
        id: 4,
        provider_id: 'claude',
        model: null,
        input_cost_per_1k: 0.003,
        output_cost_per_1k: 0.015,
        cache_read_cost_per_1k: null,
        cache_write_cost_per_1k: null,
        effective_at: null,
      },
      {
        id: 5,
        provider_id: 'claude',
        model: 'haiku',
        input_cost_per_1k: 0.0008,
        output_cost_per_1k: null,
        cache_read_cost_per_1k: null,
        cache_write_cost_per_1k: null,
        effective_at: '2025-10-01T00:00:00Z',
      },
    ]);
  });

  it('imports nothing from a file with one bad entry and names it', async () => {
    const file = priceFile(`one-bad-${count}.json`, [
      { provider_id: 'claude', input_cost_per_1k: 0.003 },
      { provider_id: 'claude', input_cost_per_1k: -1 },
      { provider_id: 'codex', input_cost_per_1k: 0.001 },
    ]);

    const run = await runFinops(['prices', 'import', file, '--db', db]);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'finops: price entry 2: invalid price entry: input_cost_per_1k: Too small: expected number to be >=0; nothing was imported\n',
    });
    expect(await listJson()).toEqual(samplePrices);
  });

  it('refuses a file that holds no list of entries', async () => {
    const file = priceFile(`not-a-list-${count}.json`, { entries: [] });

    const run = await runFinops(['prices', 'import', file, '--db', db]);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `finops: ${file} must hold an array of price entries or {"prices": [...]}\n`,
    });
  });

  it('refuses a file that is not JSON in one line', async () => {
    const file = priceFile(`not-json-${count}.json`, 'not json\n');

    const run = await runFinops(['prices', 'import', file, '--db', db]);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(`^finops: [^\\n]*${file.replaceAll('.', '\\.')} is not valid JSON: [^\\n]+\\n$`),
    );
    expect(await listJson()).toEqual(samplePrices);
  });

  it('prints a notice for an empty price table', async () => {
    const empty = join(temp.dir, `empty-${count}.db`);
    await runFinops(['prices', 'import', priceFile(`empty-list-${count}.json`, []), '--db', empty]);

    expect(await runFinops(['prices', 'list', '--db', empty])).toEqual({
      code: 0,
      stdout: 'No price entries.\n',
      stderr: '',
    });
  });
});
