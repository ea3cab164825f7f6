import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore, seedDataset } from '@finops/store';
import { cachedStore } from './bench-datasets.js';
import { renderResults, type BenchResults } from './bench-table.js';
import { measureApi } from './measure-api.js';
import { measureExport } from './measure-export.js';
import { measureIngest } from './measure-ingest.js';
import { measureReports } from './measure-reports.js';

const benchPath = fileURLToPath(import.meta.url);
const root = resolve(dirname(benchPath), '../../..');
const cliPath = join(root, 'apps/cli/dist/cli.js');

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'api-seconds': { type: 'string', default: '10' },
    cache: { type: 'string', default: join(tmpdir(), 'finops-bench-cache') },
    out: { type: 'string', default: join(root, 'bench-results') },
  },
});

const exportChildPath = join(dirname(benchPath), 'export-child.js');

await runBenchmark();

async function runBenchmark(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const quick = values.quick === true;
  const sizes = quick
    ? { ingest: 50_000, small: 100_000, large: 300_000, huge: 1_000_000 }
    : { ingest: 500_000, small: 100_000, large: 1_000_000, huge: 10_000_000 };
  const workDir = join(tmpdir(), `finops-bench-${process.pid}`);
  mkdirSync(workDir, { recursive: true });
  const results: BenchResults = { sizes, ingest: null, reports: [], exports: [], api: null };

  try {
    log(`ingest: ${sizes.ingest.toLocaleString('en-US')} events from JSONL`);
    results.ingest = await measureIngest(workDir, sizes.ingest, cliPath);

    for (const count of [sizes.small, sizes.large, sizes.huge]) {
      log(`store of ${count.toLocaleString('en-US')} events (cached in ${values.cache})`);
      const db = await cachedStore(values.cache ?? '', count, log);
      log(`  reports`);
      results.reports.push(await measureReports(db, count));
      if (count !== sizes.huge) {
        for (const mode of ['iterate', 'csv', 'json'] as const) {
          log(`  export ${mode}`);
          results.exports.push({ ...measureExport(exportChildPath, db, mode), events: count });
        }
      }
    }

    log(`api: sprints route on the reference dataset for ${values['api-seconds']} s`);
    const refDb = join(workDir, 'reference.db');
    const store = openStore(refDb);
    await seedDataset(
      store,
      JSON.parse(readFileSync(join(root, '../shared/data/finops_events.json'), 'utf8')),
    );
    await store.close();
    results.api = await measureApi(
      cliPath,
      refDb,
      Number(values['api-seconds']),
      join(workDir, 'serve.log'),
    ).catch((error: Error) => {
      log(`  api measurement failed: ${error.message}`);
      return null;
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  process.stdout.write(renderResults(results));
  mkdirSync(values.out ?? '', { recursive: true });
  const file = join(
    values.out ?? '',
    `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    `${JSON.stringify({ ...results, node: process.version, at: new Date().toISOString() }, null, 2)}\n`,
  );
  process.stdout.write(`results written to ${file}\n`);
}
