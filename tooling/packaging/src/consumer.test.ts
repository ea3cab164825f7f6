import { mkdtemp, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportColumns } from '@finops/export';
import { generateSampleDataset } from '@finops/fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsumerProject, listInstalledFinopsSources } from './consumer-project.js';
import { packPackages } from './pack-packages.js';
import { countSprintWindows } from './sprint-expectations.js';
import { readPublishablePackages, workspaceRoot } from './workspace.js';

// npm install compiles better-sqlite3 from source (about a minute on two cores), then two tsc
// runs and two programs follow; on a cold npm cache the downloads come on top.
const CONSUMER_TIMEOUT_MS = 8 * 60_000;
const CLEANUP_TIMEOUT_MS = 60_000;

interface SeedAndExportOutput {
  resolved: Record<string, string>;
  inserted: number;
  rejected: number;
  sprints: object[];
  csv: { rowCount: number; byteCount: number };
  reingested: { inserted: number; duplicates: number };
}

describe('a project outside the workspace that installs the packed packages', () => {
  const created: string[] = [];

  afterAll(async () => {
    for (const dir of created) await rm(dir, { recursive: true, force: true });
  }, CLEANUP_TIMEOUT_MS);

  it(
    'type-checks against the published types, then seeds, reports and exports from ESM and CJS',
    async () => {
      const dir = await realpath(await mkdtemp(join(tmpdir(), 'finops-consumer-')));
      created.push(dir);
      expect(dir.startsWith(workspaceRoot)).toBe(false);

      const packed = await packPackages(await readPublishablePackages(), join(dir, 'tarballs'));
      const consumer = await createConsumerProject(dir, packed);
      const fromTarballs = packed.map((pkg) => [
        `node_modules/${pkg.manifest.name}`,
        `file:tarballs/${basename(pkg.tarball)}`,
      ]);
      expect(await listInstalledFinopsSources(dir)).toEqual(Object.fromEntries(fromTarballs));

      await consumer.runTsc(['--noEmit', '-p', '.']);
      await consumer.runTsc(['-p', '.', '--noCheck']);

      const csvPath = join(dir, 'events.csv');
      const esmArgs = [join(dir, 'finops.db'), csvPath];
      const esm = await consumer.runScript<SeedAndExportOutput>(
        'build/seed-and-export.js',
        esmArgs,
      );
      const cjs = await consumer.runScript('build/require-smoke.cjs');

      const installed = join(dir, 'node_modules', '@finops');
      const entry = (name: string) => pathToFileURL(join(installed, name, 'dist', 'index.js')).href;
      expect(esm.resolved).toEqual({
        '@finops/export': entry('export'),
        '@finops/fixtures': entry('fixtures'),
        '@finops/reports': entry('reports'),
        '@finops/store': entry('store'),
      });
      expect(cjs).toEqual({
        resolved: join(installed, 'reports', 'dist', 'index.cjs'),
        windowDays: 14,
        loadSprintReports: 'function',
        openStore: 'function',
        parsingWorker: true,
      });

      const dataset = generateSampleDataset();
      expect(esm).toMatchObject({ inserted: dataset.events.length, rejected: 0 });
      // The same events read back from JSONL on the worker thread are all known already.
      expect(esm.reingested).toEqual({ inserted: 0, duplicates: dataset.events.length });
      expect(esm.sprints).toHaveLength(4);
      expect(esm.sprints).toMatchObject(countSprintWindows(dataset.events, 7, 4));

      // Records end in CRLF (RFC 4180); one line per record, the header included.
      const csv = await readFile(csvPath, 'utf8');
      const lines = csv.split(/\r?\n/).filter((line) => line !== '');
      expect(lines).toHaveLength(dataset.events.length + 1);
      expect(lines[0]).toBe(exportColumns.join(','));
      expect(esm.csv).toEqual({
        rowCount: dataset.events.length,
        byteCount: (await stat(csvPath)).size,
      });
    },
    CONSUMER_TIMEOUT_MS,
  );
});
