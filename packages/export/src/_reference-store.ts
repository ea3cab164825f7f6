import { readFileSync } from 'node:fs';
import { parseReportQuery, type ReportParams } from '@finops/reports';
import { openStore, seedDataset, type TelemetryStore } from '@finops/store';

/**
 * The reference dataset of the replaced system, read in place from the shared folder next to the
 * repository (never copied into it), and the runbook window of SPEC §7. Tests only.
 */
export const referenceDatasetUrl = new URL(
  '../../../../shared/data/finops_events.json',
  import.meta.url,
);

/** The runbook window as query text: 2025-10-08 … 2025-10-21, 7-day windows. */
export const runbookQuery = {
  start: '2025-10-08T00:00:00Z',
  end: '2025-10-21T23:59:59Z',
  window_days: '7',
};

/** The runbook window as report parameters. */
export const runbookParams: ReportParams = parseReportQuery(runbookQuery);

/** An in-memory store seeded with the reference dataset and the sample prices. */
export async function openReferenceStore(): Promise<TelemetryStore> {
  const store = openStore(':memory:');
  await seedDataset(store, JSON.parse(readFileSync(referenceDatasetUrl, 'utf8')));
  return store;
}
