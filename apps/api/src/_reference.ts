import { readFileSync } from 'node:fs';
import { openStore, seedDataset, type TelemetryStore } from '@finops/store';
import type { Hono } from 'hono';
import { createApp, type CreateAppOptions } from './app.js';

/** The reference dataset of the replaced system, read in place (never copied into the repo). */
export const referenceDatasetUrl = new URL(
  '../../../../shared/data/finops_events.json',
  import.meta.url,
);

/** The runbook window of SPEC §7, as query parameters. */
export const runbookWindow = {
  start: '2025-10-08T00:00:00Z',
  end: '2025-10-21T23:59:59Z',
  window_days: '7',
};

/** 2025-10-22T09:30:00Z: a fixed clock, so download names do not depend on today. */
export const fixedNow = () => Date.UTC(2025, 9, 22, 9, 30);

/** Parses the reference dataset document. */
export function readReferenceDataset(): unknown {
  return JSON.parse(readFileSync(referenceDatasetUrl, 'utf8'));
}

/** An app over an in-memory store, seeded with the reference dataset unless `seed` is false. */
export async function createTestApp(
  options: Partial<CreateAppOptions> & { seed?: boolean } = {},
): Promise<{ app: Hono; store: TelemetryStore }> {
  const { seed = true, ...appOptions } = options;
  const store = openStore(':memory:');
  if (seed) await seedDataset(store, readReferenceDataset());
  return { app: createApp({ store, now: fixedNow, ...appOptions }), store };
}

/** A request path with a query string built from `query`. */
export function withQuery(path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search === '' ? path : `${path}?${search}`;
}
