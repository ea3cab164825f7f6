import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from './_testing.js';
import { openStore } from './sqlite-store.js';
import type { TelemetryStore } from './telemetry-store.js';

const EVENTS_PER_WRITER = 50_000;
/** Generous bounds: the writers take a few seconds alone, longer beside the other test files. */
const TEST_TIMEOUT_MS = 60_000;
const BUILD_TIMEOUT_MS = 120_000;
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Ingests `count` distinct events of one provider into a database file, then prints the result. */
const writerScript = (bundleUrl: string) => `
import { ingestValue, openStore } from ${JSON.stringify(bundleUrl)};

const [path, providerId, count] = process.argv.slice(2);
const start = Date.UTC(2025, 9, 1);
const events = Array.from({ length: Number(count) }, (_, index) => ({
  provider_id: providerId,
  tool: 'load',
  ts: new Date(start + index * 1000).toISOString(),
  tokens_in: index,
}));
const store = openStore(path);
const result = await ingestValue(store, events, { batchSize: 1000 });
await store.close();
const { inserted, duplicates, rejected } = result;
process.stdout.write(JSON.stringify({ inserted, duplicates, rejected }));
`;

/** Opens a database file at the given instant, so several processes race to create its schema. */
const openerScript = (bundleUrl: string) => `
import { openStore } from ${JSON.stringify(bundleUrl)};

const [path, at] = process.argv.slice(2);
while (Date.now() < Number(at)) {}
const store = openStore(path);
await store.close();
`;

interface WriterOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Children still running, stopped by id after the tests if a timeout left any behind. */
const running = new Set<ChildProcess>();

function runNode(script: string, ...args: string[]): Promise<WriterOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args]);
    running.add(child);
    child.on('exit', () => running.delete(child));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('store under concurrency', () => {
  // The child processes cannot load TypeScript, so the store is bundled once into a directory
  // under this package's node_modules, where the bundle still resolves better-sqlite3.
  let bundleDir: string;
  let temp: ReturnType<typeof makeTempDir>;
  let writer: string;
  let opener: string;

  beforeAll(async () => {
    bundleDir = mkdtempSync(join(packageDir, 'node_modules', '.finops-concurrency-'));
    await build({
      config: false,
      entry: { index: join(packageDir, 'src', 'index.ts') },
      outDir: bundleDir,
      format: ['esm'],
      platform: 'node',
      target: 'node20',
      external: ['better-sqlite3', 'zod', 'safe-stable-stringify'],
      silent: true,
    });
    temp = makeTempDir('concurrency');
    const bundleUrl = pathToFileURL(join(bundleDir, 'index.js')).href;
    writer = join(temp.dir, 'writer.mjs');
    opener = join(temp.dir, 'opener.mjs');
    writeFileSync(writer, writerScript(bundleUrl));
    writeFileSync(opener, openerScript(bundleUrl));
  }, BUILD_TIMEOUT_MS);

  afterAll(() => {
    for (const child of running) child.kill();
    temp?.remove();
    if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  });

  // Guards the schema migration: it once read the version outside the write lock, and a process
  // that lost the race re-ran the migration and failed with "table events already exists".
  it(
    'lets several processes open a new file at the same instant',
    async () => {
      const outcomes: WriterOutcome[] = [];
      for (let round = 0; round < 5; round += 1) {
        const path = join(temp.dir, `fresh-${round}.db`);
        const at = String(Date.now() + 500);
        outcomes.push(
          ...(await Promise.all(Array.from({ length: 8 }, () => runNode(opener, path, at)))),
        );
      }

      expect(
        outcomes.filter((outcome) => outcome.code !== 0).map((outcome) => outcome.stderr),
      ).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'lets two processes ingest into one file while a third connection keeps reading',
    async () => {
      const path = join(temp.dir, 'shared.db');
      const count = String(EVENTS_PER_WRITER);
      const writers = Promise.all([
        runNode(writer, path, 'alpha', count),
        runNode(writer, path, 'beta', count),
      ]);
      let done = false;
      void writers.finally(() => (done = true));

      const counts: number[] = [];
      let reader: TelemetryStore | undefined;
      for (let round = 0; round < 2_000 && !done; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        reader ??= openStore(path);
        counts.push(await reader.countEvents({}));
      }
      const outcomes = await writers;
      reader ??= openStore(path);
      const total = await reader.countEvents({});
      const perProvider = await Promise.all(
        ['alpha', 'beta'].map((id) => reader!.countEvents({ providerIds: [id] })),
      );
      await reader.close();

      expect(outcomes.map((outcome) => [outcome.code, outcome.stderr])).toEqual([
        [0, ''],
        [0, ''],
      ]);
      expect(outcomes.map((outcome) => JSON.parse(outcome.stdout))).toEqual([
        { inserted: EVENTS_PER_WRITER, duplicates: 0, rejected: 0 },
        { inserted: EVENTS_PER_WRITER, duplicates: 0, rejected: 0 },
      ]);
      expect([total, ...perProvider]).toEqual([100_000, 50_000, 50_000]);
      expect(counts.some((seen) => seen > 0 && seen < 100_000)).toBe(true);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    },
    TEST_TIMEOUT_MS,
  );
});
