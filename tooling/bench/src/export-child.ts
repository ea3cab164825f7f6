/**
 * One export measurement in its own process: `node export-child.js <iterate|csv|json> <db>`.
 * Exports every event of the store to /dev/null and prints rows, rows/s and peak RSS as JSON.
 */
import { createWriteStream } from 'node:fs';
import { writeExport } from '@finops/export';
import { openStore } from '@finops/store';

const [mode, dbPath] = process.argv.slice(2);
if ((mode !== 'iterate' && mode !== 'csv' && mode !== 'json') || !dbPath) {
  throw new Error('usage: export-child.js <iterate|csv|json> <db>');
}

const store = openStore(dbPath);
const started = process.hrtime.bigint();
let rows = 0;
if (mode === 'iterate') {
  for await (const _event of store.iterateEvents({})) rows += 1;
} else {
  rows = (await writeExport(mode, store.iterateEvents({}), createWriteStream('/dev/null')))
    .rowCount;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await store.close();

const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ mode, rows, rowsPerSecond: rows / seconds, peakRssMb }));
