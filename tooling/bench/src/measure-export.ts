import { spawnSync } from 'node:child_process';

export type ExportMode = 'csv' | 'json' | 'iterate';

export interface ExportMeasurement {
  mode: ExportMode;
  rows: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

/**
 * Runs one export (or a plain iteration of the same rows) in a fresh process that loads only the
 * store and export packages, so its peak RSS is the export's and not the benchmark's.
 */
export function measureExport(
  childPath: string,
  dbPath: string,
  mode: ExportMode,
): ExportMeasurement {
  const run = spawnSync(process.execPath, [childPath, mode, dbPath], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`export child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ExportMeasurement;
}
