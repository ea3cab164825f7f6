import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from './_testing.js';
import { openStore } from './sqlite-store.js';
import type { TelemetryStore } from './telemetry-store.js';

const EVENTS_PER_WRITER = 50_000;
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
process.stdout.write(JSON.stringify({ inserted: result.inserted, duplicates: result.duplicates, rejected: result.rejected }));
`;

interface WriterOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runWriter(script: string, path: string, providerId: string): Promise<WriterOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, path, providerId, String(EVENTS_PER_WRITER)]);
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
  const bundleDir = mkdtempSync(join(packageDir, 'node_modules', '.finops-concurrency-'));
  let temp: ReturnType<typeof makeTempDir>;
  let script: string;

  beforeAll(async () => {
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
    script = join(temp.dir, 'writer.mjs');
    writeFileSync(script, writerScript(pathToFileURL(join(bundleDir, 'index.js')).href));
  });

  afterAll(() => {
    temp?.remove();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it('lets two processes ingest into one file while a third connection keeps reading', async () => {
    const path = join(temp.dir, 'shared.db');
    const writers = Promise.all([runWriter(script, path, 'alpha'), runWriter(script, path, 'beta')]);
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
    const perProvider = await Promise.all(['alpha', 'beta'].map((id) => reader!.countEvents({ providerIds: [id] })));
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
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });
});
