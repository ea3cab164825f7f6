import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runFinops, spawnFinops, useTempDir } from './_cli.js';

const good = [
  {
    provider_id: 'gemini',
    tool: 'gemini.chat',
    ts: '2025-10-20T10:00:00Z',
    tokens_in: 10,
    tokens_out: 5,
    status: 'ok',
  },
  {
    provider_id: 'codex',
    model: 'codex.run',
    timestamp: '2025-10-20T12:00:00+02:00',
    input_tokens: '3',
    cost_usd: 0.25,
  },
  {
    provider_id: 'glm46',
    tool: 'glm46.chat',
    ts: '2025-10-20T13:00:00',
    latency_ms: 250.7,
    metadata: { b: 1, a: 2 },
  },
].map((event) => JSON.stringify(event)) as [string, string, string];

const bad = {
  notJson: 'not json',
  impossibleDate: JSON.stringify({ provider_id: 'gemini', tool: 'g', ts: '2025-02-30T10:00:00Z' }),
  negativeTokens: JSON.stringify({
    provider_id: 'codex',
    tool: 'c',
    ts: '2025-10-20T11:00:00Z',
    tokens_in: -1,
  }),
  notAnObject: '[1, 2]',
};

/** A JSONL file mixing good and bad lines, with the rejections it should give. */
const mixedLines = [
  good[0],
  bad.notJson,
  bad.impossibleDate,
  good[1],
  bad.negativeTokens,
  '',
  bad.notAnObject,
  good[2],
];

function rejectionsOf(source: string) {
  return [
    {
      source,
      line: 2,
      field: null,
      reason: 'invalid JSON: Unexpected token \'o\', "not json" is not valid JSON',
      raw: bad.notJson,
    },
    { source, line: 3, field: 'ts', reason: 'impossible date 2025-02-30', raw: bad.impossibleDate },
    {
      source,
      line: 5,
      field: 'tokens_in',
      reason: 'must not be negative, got -1',
      raw: bad.negativeTokens,
    },
    {
      source,
      line: 7,
      field: null,
      reason: 'expected a JSON object, got [1,2]',
      raw: bad.notAnObject,
    },
  ];
}

describe('finops ingest', () => {
  const temp = useTempDir('ingest');
  let count = 0;
  const nextDb = () => join(temp.dir, `ingest-${(count += 1)}.db`);

  function writeLines(name: string, lines: readonly string[], ending = '\n'): string {
    const path = join(temp.dir, name);
    writeFileSync(path, `${lines.join(ending)}${ending}`);
    return path;
  }

  beforeAll(() => ensureCliBuilt());

  it('stores the good lines, refuses the bad ones into --rejects and exits 3', async () => {
    const db = nextDb();
    const input = writeLines('mixed.jsonl', mixedLines);
    const rejects = join(temp.dir, 'rejects.jsonl');

    const run = await runFinops(['ingest', input, '--db', db, '--rejects', rejects]);

    expect(run).toEqual({
      code: 3,
      stdout: 'inserted 3, duplicates 0, rejected 4\n',
      stderr: `4 refused records written to ${rejects}\n`,
    });
    expect(readFileSync(rejects, 'utf8')).toBe(
      rejectionsOf(input)
        .map((r) => `${JSON.stringify(r)}\n`)
        .join(''),
    );
  });

  it('counts the good lines as duplicates when the file is ingested again', async () => {
    const db = nextDb();
    const input = writeLines('again.jsonl', mixedLines);
    await runFinops(['ingest', input, '--db', db]);

    const run = await runFinops(['ingest', input, '--db', db]);

    expect(run.code).toBe(3);
    expect(run.stdout).toBe('inserted 0, duplicates 3, rejected 4\n');
  });

  it('shows the refused lines on stderr without --rejects', async () => {
    const db = nextDb();
    const input = writeLines('shown.jsonl', mixedLines);

    const run = await runFinops(['ingest', input, '--db', db]);

    expect(run.stderr).toBe(
      rejectionsOf(input)
        .map((r) => `${input}:${r.line}: ${r.field ?? 'record'}: ${r.reason}\n`)
        .join(''),
    );
  });

  it('says how many refusals it did not show', async () => {
    const db = nextDb();
    const input = writeLines(
      'many-bad.jsonl',
      Array.from({ length: 13 }, () => bad.notJson),
    );

    const run = await runFinops(['ingest', input, '--db', db]);
    const lines = run.stderr.split('\n').filter(Boolean);

    expect(run.stdout).toBe('inserted 0, duplicates 0, rejected 13\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe('… 3 more; use --rejects FILE to keep every refused record');
  });

  it('re-ingests the fixed rejects file', async () => {
    const db = nextDb();
    const input = writeLines('fixable.jsonl', [good[0], bad.negativeTokens]);
    const rejects = join(temp.dir, 'fixable-rejects.jsonl');
    await runFinops(['ingest', input, '--db', db, '--rejects', rejects]);
    const fixed = writeLines(
      'fixed.jsonl',
      readFileSync(rejects, 'utf8')
        .trim()
        .split('\n')
        .map((line) =>
          (JSON.parse(line) as { raw: string }).raw.replace('"tokens_in":-1', '"tokens_in":1'),
        ),
    );

    const run = await runFinops(['ingest', fixed, '--db', db]);

    expect(run).toEqual({ code: 0, stdout: 'inserted 1, duplicates 0, rejected 0\n', stderr: '' });
  });

  it('exits 0 for a file of good lines only, with CRLF endings and a BOM', async () => {
    const db = nextDb();
    const input = join(temp.dir, 'good.jsonl');
    writeFileSync(input, `\uFEFF${good.join('\r\n')}`);

    const run = await runFinops(['ingest', input, '--db', db]);

    expect(run).toEqual({ code: 0, stdout: 'inserted 3, duplicates 0, rejected 0\n', stderr: '' });
  });

  it('counts the same events written with another offset or key order as duplicates', async () => {
    const db = nextDb();
    await runFinops(['ingest', writeLines('first.jsonl', good), '--db', db]);
    const rewritten = [
      {
        ts: '2025-10-20T07:00:00-03:00',
        tool: 'gemini.chat',
        provider_id: 'gemini',
        status: 'success',
        tokens_out: 5,
        tokens_in: 10,
      },
    ].map((event) => JSON.stringify(event));

    const run = await runFinops(['ingest', writeLines('rewritten.jsonl', rewritten), '--db', db]);

    expect(run.stdout).toBe('inserted 0, duplicates 1, rejected 0\n');
  });

  it('ingests a JSON array and a dataset document', async () => {
    const db = nextDb();
    const array = join(temp.dir, 'array.json');
    const dataset = join(temp.dir, 'dataset.json');
    writeFileSync(array, `[${good.join(',')}]`);
    writeFileSync(
      dataset,
      JSON.stringify({
        events: [{ provider_id: 'claude', tool: 'opus', ts: '2025-10-21T10:00:00Z' }],
      }),
    );

    const run = await runFinops(['ingest', array, dataset, '--db', db]);

    expect(run).toEqual({ code: 0, stdout: 'inserted 4, duplicates 0, rejected 0\n', stderr: '' });
  });

  it('reads a logs directory <root>/<provider>/*.jsonl with the folder as the provider', async () => {
    const db = nextDb();
    const root = join(temp.dir, 'logs');
    for (const provider of ['codex', 'gemini'])
      mkdirSync(join(root, provider), { recursive: true });
    const line = (tool: string, hour: number) =>
      JSON.stringify({ tool, ts: `2025-10-21T${hour}:00:00Z`, tokens_in: hour });
    writeFileSync(
      join(root, 'codex', 'a.jsonl'),
      `${line('codex.run', 10)}\n${line('codex.run', 11)}\n`,
    );
    writeFileSync(join(root, 'codex', 'b.jsonl'), `${line('codex.run', 12)}\n`);
    writeFileSync(join(root, 'gemini', 'day.jsonl'), `${line('gemini.chat', 13)}\n`);
    writeFileSync(join(root, 'gemini', 'notes.txt'), 'not telemetry\n');

    const run = await runFinops(['ingest', root, '--db', db]);
    const runs = await runFinops(['report', 'runs', '--db', db]);

    expect(run).toEqual({ code: 0, stdout: 'inserted 4, duplicates 0, rejected 0\n', stderr: '' });
    expect(
      (JSON.parse(runs.stdout) as { items: { provider_id: string; ts: string }[] }).items.map(
        (r) => [r.provider_id, r.ts],
      ),
    ).toEqual([
      ['gemini', '2025-10-21T13:00:00Z'],
      ['codex', '2025-10-21T12:00:00Z'],
      ['codex', '2025-10-21T11:00:00Z'],
      ['codex', '2025-10-21T10:00:00Z'],
    ]);
  });

  it('takes the provider of records without one from --provider-id', async () => {
    const db = nextDb();
    const input = writeLines('no-provider.jsonl', [
      JSON.stringify({ tool: 't', ts: '2025-10-21T10:00:00Z' }),
    ]);

    const run = await runFinops(['ingest', input, '--db', db, '--provider-id', 'claude']);
    const runs = await runFinops(['report', 'runs', '--db', db]);

    expect(run.code).toBe(0);
    expect(
      (JSON.parse(runs.stdout) as { items: { provider_id: string }[] }).items[0]?.provider_id,
    ).toBe('claude');
  });

  it('exits 1 with one line and stores nothing when --rejects cannot be written', async () => {
    const db = nextDb();
    const input = writeLines('unwritable-rejects.jsonl', mixedLines);

    const run = await runFinops(['ingest', input, '--db', db, '--rejects', temp.dir]);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `finops: cannot write --rejects ${temp.dir}: EISDIR\n`,
    });
    expect(existsSync(db)).toBe(false);
  });

  it('the built CLI prints no stack trace when --rejects cannot be written', async () => {
    const rejects = join(temp.dir, 'no-such-folder', 'rejects.jsonl');

    const run = await spawnFinops([
      'ingest',
      writeLines('unwritable-spawned.jsonl', mixedLines),
      '--db',
      nextDb(),
      '--rejects',
      rejects,
    ]);

    expect(run).toEqual({
      code: 1,
      signal: null,
      stdout: '',
      stderr: `finops: cannot write --rejects ${rejects}: ENOENT\n`,
    });
  });

  it('exits 1 with one line for a missing path', async () => {
    const db = nextDb();
    const missing = join(temp.dir, 'missing.jsonl');

    const run = await runFinops(['ingest', missing, '--db', db]);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `finops: cannot read ${missing}: ENOENT: no such file or directory, stat '${missing}'\n`,
    });
  });

  it('the built CLI exits 1 with one line and no stack trace for a missing path', async () => {
    const missing = join(temp.dir, 'missing-too.jsonl');

    const run = await spawnFinops(['ingest', missing, '--db', nextDb()]);

    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `finops: cannot read ${missing}: ENOENT: no such file or directory, stat '${missing}'\n`,
    );
  });

  it('the built CLI reads standard input for -', async () => {
    const db = nextDb();

    const run = await spawnFinops(['ingest', '-', '--db', db], {
      input: `${good.join('\n')}\n${bad.notJson}\n`,
    });
    const again = await spawnFinops(['ingest', '-', '--db', db], { input: good.join('\n') });

    expect(run).toEqual({
      code: 3,
      signal: null,
      stdout: 'inserted 3, duplicates 0, rejected 1\n',
      stderr: '-:4: record: invalid JSON: Unexpected token \'o\', "not json" is not valid JSON\n',
    });
    expect(again).toEqual({
      code: 0,
      signal: null,
      stdout: 'inserted 0, duplicates 3, rejected 0\n',
      stderr: '',
    });
  });
});

const EVENTS_PER_WRITER = 50_000;

/** Writes `count` distinct events of one provider as JSONL, a second apart. */
function writeLoadFile(path: string, providerId: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    const start = Date.UTC(2025, 9, 1);
    const lines: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const ts = new Date(start + index * 1000).toISOString();
      lines.push(
        JSON.stringify({
          provider_id: providerId,
          tool: 'load',
          ts,
          tokens_in: index,
          cost_usd: 0.001,
        }),
      );
    }
    out.on('error', reject);
    out.end(`${lines.join('\n')}\n`, resolve);
  });
}

describe('two finops ingest processes on one database file', () => {
  const temp = useTempDir('concurrent');

  beforeAll(() => ensureCliBuilt());

  it('both exit 0 and every one of their 100,000 events is stored', async () => {
    const db = join(temp.dir, 'shared.db');
    const first = join(temp.dir, 'codex.jsonl');
    const second = join(temp.dir, 'gemini.jsonl');
    await Promise.all([
      writeLoadFile(first, 'codex', EVENTS_PER_WRITER),
      writeLoadFile(second, 'gemini', EVENTS_PER_WRITER),
    ]);

    const runs = await Promise.all([
      spawnFinops(['ingest', first, '--db', db], { timeoutMs: 80_000 }),
      spawnFinops(['ingest', second, '--db', db], { timeoutMs: 80_000 }),
    ]);
    const lanes = await runFinops(['report', 'lane-costs', '--db', db]);

    for (const run of runs) {
      expect(run).toEqual({
        code: 0,
        signal: null,
        stdout: 'inserted 50000, duplicates 0, rejected 0\n',
        stderr: '',
      });
    }
    expect(existsSync(db)).toBe(true);
    expect(JSON.parse(lanes.stdout)).toEqual({
      items: [
        expect.objectContaining({ lane: 'balanced', run_count: 100_000, total_cost_usd: 100 }),
      ],
    });
  }, 90_000);
});
