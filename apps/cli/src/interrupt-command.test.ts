import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@finops/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, ensureCliBuilt, runFinops, useTempDir } from './_cli.js';

/** Starts the built CLI, sends SIGINT once `ready()` holds, and resolves to its exit code. */
function interruptWhen(args: string[], ready: () => boolean): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry, ...args], { stdio: 'ignore' });
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const poll = setInterval(() => {
      if (!ready()) return;
      clearInterval(poll);
      child.kill('SIGINT');
    }, 5);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      clearTimeout(kill);
      resolve(code);
    });
  });
}

const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);

describe('an interrupted command (SIGINT)', () => {
  const temp = useTempDir('interrupt');
  const count = 150_000;
  let input: string;
  const badLines = new Set<number>();

  beforeAll(() => {
    ensureCliBuilt();
    input = join(temp.dir, 'events.jsonl');
    const lines: string[] = [];
    for (let i = 1; i <= count; i += 1) {
      if (i % 997 === 0) {
        badLines.add(i);
        lines.push(`{"provider_id":"codex","tool":"t","ts":"not a time ${i}"}`);
      } else {
        const ts = new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();
        lines.push(`{"provider_id":"codex","tool":"t","ts":"${ts}","tokens_in":${i}}`);
      }
    }
    writeFileSync(input, lines.join('\n'));
  });

  it('keeps the stored batches and every refusal that came before them in the rejects file', async () => {
    const db = join(temp.dir, 'ingest.db');
    const rejects = join(temp.dir, 'rejects.jsonl');

    const code = await interruptWhen(
      ['ingest', input, '--db', db, '--rejects', rejects],
      () => size(rejects) > 0,
    );

    expect(code).toBe(130);
    const store = openStore(db);
    let lastStored = 0;
    let stored = 0;
    for await (const event of store.iterateEvents({})) {
      stored += 1;
      lastStored = Math.max(lastStored, event.line_number ?? 0);
    }
    await store.close();
    const refused = readFileSync(rejects, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => (JSON.parse(line) as { line: number }).line);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(count - badLines.size);
    // Every refusal before the last stored event is in the file, in order; refusals read after
    // it may be there too (the file is completed on the way out), never anything else.
    expect(refused.filter((line) => line < lastStored)).toEqual(
      [...badLines].filter((line) => line < lastStored),
    );
    expect(refused).toEqual([...refused].sort((a, b) => a - b));
    expect(refused.every((line) => badLines.has(line))).toBe(true);
  });

  it('leaves an existing --out file as it was and no temporary file behind', async () => {
    const db = join(temp.dir, 'export.db');
    const ingested = await runFinops(['ingest', input, '--db', db]);
    expect(ingested.code).toBe(3);
    mkdirSync(join(temp.dir, 'out'));
    const out = join(temp.dir, 'out', 'events.json');
    await runFinops(['export', '--format', 'csv', '--db', db, '--out', out]);
    const before = readFileSync(out, 'utf8');
    const partial = () =>
      readdirSync(join(temp.dir, 'out')).filter((name) => name !== 'events.json');

    const code = await interruptWhen(['export', '--format', 'json', '--db', db, '--out', out], () =>
      partial().some((name) => size(join(temp.dir, 'out', name)) > 1_000_000),
    );

    expect(code).toBe(130);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(partial()).toEqual([]);
  });
});
