import Table from 'cli-table3';
import type { ApiMeasurement } from './measure-api.js';
import type { ExportMeasurement } from './measure-export.js';
import type { IngestMeasurement } from './measure-ingest.js';
import type { ReportsMeasurement } from './measure-reports.js';

export interface BenchResults {
  sizes: Record<string, number>;
  ingest: IngestMeasurement | null;
  reports: ReportsMeasurement[];
  exports: (ExportMeasurement & { events: number })[];
  api: ApiMeasurement | null;
}

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** One table of every measurement with its target and whether it is met. */
export function renderResults(results: BenchResults): string {
  const table = new Table({
    head: ['measure', 'value', 'reference', 'target', ''],
    style: { head: [], border: [] },
  });

  if (results.ingest) {
    const { ingestPerSecond, ceilingPerSecond, events } = results.ingest;
    const ratio = ingestPerSecond / ceilingPerSecond;
    table.push([
      `ingest ${n(events)} JSONL events (events/s)`,
      n(ingestPerSecond),
      `plain insert ${n(ceilingPerSecond)}`,
      `≥ 0.9× (${n(ratio, 2)}×)`,
      verdict(ratio >= 0.9),
    ]);
  }

  const small = results.reports[0];
  for (const report of results.reports) {
    const ok = report.medianMs <= 50 && (!small || report.medianMs <= 2 * small.medianMs);
    table.push([
      `sprint + PR reports at ${n(report.events)} (median ms)`,
      n(report.medianMs, 2),
      small && report !== small ? `${n(small.events)}: ${n(small.medianMs, 2)} ms` : '',
      report === small ? '' : '≤ 50 ms and ≤ 2× 100k',
      report === small ? '' : verdict(ok),
    ]);
  }

  for (const size of [...new Set(results.exports.map((e) => e.events))]) {
    const plain = results.exports.find((e) => e.events === size && e.mode === 'iterate');
    for (const run of results.exports.filter((e) => e.events === size && e.mode !== 'iterate')) {
      const ratio = plain ? run.rowsPerSecond / plain.rowsPerSecond : Number.NaN;
      const smallRun = results.exports.find(
        (e) => e.events === results.sizes['small'] && e.mode === run.mode,
      );
      const csv = run.mode === 'csv';
      table.push([
        `${run.mode} export ${n(size)} rows (rows/s)`,
        n(run.rowsPerSecond),
        plain ? `iteration ${n(plain.rowsPerSecond)}` : '',
        csv ? `≥ 0.8× (${n(ratio, 2)}×)` : `(${n(ratio, 2)}×)`,
        csv ? verdict(ratio >= 0.8) : '',
      ]);
      const growth = smallRun ? run.peakRssMb / smallRun.peakRssMb : Number.NaN;
      const measured = csv && size >= 1_000_000 && smallRun && smallRun !== run;
      table.push([
        `${run.mode} export ${n(size)} rows (peak RSS)`,
        `${n(run.peakRssMb)} MB`,
        plain ? `iteration ${n(plain.peakRssMb)} MB` : '',
        measured ? `≤ 150 MB, ≤ 1.2× 100k (${n(growth, 2)}×)` : '',
        measured ? verdict(run.peakRssMb <= 150 && growth <= 1.2) : '',
      ]);
    }
  }

  if (results.api) {
    const { requestsPerSecond, p99Ms, errors, seconds } = results.api;
    table.push([
      `API sprints route, ${seconds} s, 10 connections`,
      `${n(requestsPerSecond)} req/s; p99 ${n(p99Ms)} ms`,
      `${errors} errors`,
      '≥ 5,000 req/s; p99 ≤ 20 ms',
      verdict(requestsPerSecond >= 5000 && p99Ms <= 20 && errors === 0),
    ]);
  }

  return `${table.toString()}\n`;
}
