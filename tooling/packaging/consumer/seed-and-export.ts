// Uses the published packages the way their READMEs show: seed a database, report, export.
import { createWriteStream } from 'node:fs';
import { writeExport } from '@finops/export';
import { generateSampleDataset } from '@finops/fixtures';
import { loadSprintReports, parseReportQuery, type SprintReport } from '@finops/reports';
import { openStore, seedDataset, type IngestResult } from '@finops/store';

const [databasePath, csvPath] = process.argv.slice(2);
if (databasePath === undefined || csvPath === undefined) {
  throw new Error('expected two arguments: the database path and the CSV path');
}

const store = openStore(databasePath);
try {
  const seeded: IngestResult = await seedDataset(store, generateSampleDataset());
  const params = parseReportQuery({ window_days: '7', locale: 'en' });
  const sprints: SprintReport[] = await loadSprintReports(store, params);
  const csv = await writeExport('csv', store.iterateEvents({}), createWriteStream(csvPath));

  const summary = { inserted: seeded.inserted, rejected: seeded.rejected, sprints, csv };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  await store.close();
}
