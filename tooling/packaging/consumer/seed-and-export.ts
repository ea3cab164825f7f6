// A consumer of the published packages: seed a database, compute sprint reports, export a CSV,
// and ingest that dataset again as JSONL through the store's parsing worker.
import { createWriteStream, writeFileSync } from 'node:fs';
import { writeExport } from '@finops/export';
import { generateSampleDataset } from '@finops/fixtures';
import { loadSprintReports, parseReportQuery, type SprintReport } from '@finops/reports';
import { ingestPath, openStore, seedDataset, type IngestResult } from '@finops/store';

const [databasePath, csvPath] = process.argv.slice(2);
if (databasePath === undefined || csvPath === undefined) {
  throw new Error('expected two arguments: the database path and the CSV path');
}

const packages = ['@finops/export', '@finops/fixtures', '@finops/reports', '@finops/store'];
const resolved = Object.fromEntries(packages.map((name) => [name, import.meta.resolve(name)]));

const store = openStore(databasePath);
try {
  const dataset = generateSampleDataset();
  const seeded: IngestResult = await seedDataset(store, dataset);
  const params = parseReportQuery({ window_days: '7', locale: 'en' });
  const sprints: SprintReport[] = await loadSprintReports(store, params);
  const csv = await writeExport('csv', store.iterateEvents({}), createWriteStream(csvPath));

  const jsonlPath = `${csvPath}.jsonl`;
  writeFileSync(jsonlPath, dataset.events.map((event) => JSON.stringify(event)).join('\n'));
  const again = await ingestPath(store, jsonlPath, { parseInWorker: true });
  const reingested = { inserted: again.inserted, duplicates: again.duplicates };

  const summary = {
    resolved,
    inserted: seeded.inserted,
    rejected: seeded.rejected,
    sprints,
    csv,
    reingested,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  await store.close();
}
