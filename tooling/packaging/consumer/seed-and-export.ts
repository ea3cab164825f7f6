// A consumer of the published packages: seed a database, compute sprint reports, export a CSV.
import { createWriteStream } from 'node:fs';
import { writeExport } from '@finops/export';
import { generateSampleDataset } from '@finops/fixtures';
import { loadSprintReports, parseReportQuery, type SprintReport } from '@finops/reports';
import { openStore, seedDataset, type IngestResult } from '@finops/store';

const [databasePath, csvPath] = process.argv.slice(2);
if (databasePath === undefined || csvPath === undefined) {
  throw new Error('expected two arguments: the database path and the CSV path');
}

const packages = ['@finops/export', '@finops/fixtures', '@finops/reports', '@finops/store'];
const resolved = Object.fromEntries(packages.map((name) => [name, import.meta.resolve(name)]));

const store = openStore(databasePath);
try {
  const seeded: IngestResult = await seedDataset(store, generateSampleDataset());
  const params = parseReportQuery({ window_days: '7', locale: 'en' });
  const sprints: SprintReport[] = await loadSprintReports(store, params);
  const csv = await writeExport('csv', store.iterateEvents({}), createWriteStream(csvPath));

  const summary = { resolved, inserted: seeded.inserted, rejected: seeded.rejected, sprints, csv };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  await store.close();
}
