import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { writeExport } from '@finops/export';
import { openStore } from '@finops/store';

export type ExportMode = 'csv' | 'json' | 'iterate';

export interface ExportMeasurement {
  mode: ExportMode;
  rows: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

/** Runs one export (or a plain iteration of the same rows) in a fresh process, for its peak RSS. */
export function measureExport(
  benchPath: string,
  dbPath: string,
  mode: ExportMode,
): ExportMeasurement {
  const run = spawnSync(process.execPath, [benchPath, '--child-export', mode, '--db', dbPath], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`export child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ExportMeasurement;
}

/** The child side: export to /dev/null and print the measurement as JSON. */
export async function runExportChild(mode: ExportMode, dbPath: string): Promise<void> {
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
}
