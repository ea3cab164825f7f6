import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  formatInstant,
  openStore,
  type PriceEntryInput,
  type StoredEvent,
  type TelemetryStore,
} from '@finops/store';
import type { FormatName } from './format-names.js';
import { ingestFormat, type FormatIngestResult } from './ingest-format.js';

/** Absolute path of a fixture file under `test/fixtures`. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
}

/** A fixed ingestion clock, so stored events compare exactly. */
export const ingestedAt = Date.parse('2025-04-01T00:00:00Z');

/** Imports a fixture into `store` with the fixed clock, labelled by its file name. */
export function importFixture(
  store: TelemetryStore,
  format: FormatName,
  name: string,
): Promise<FormatIngestResult> {
  const input = createReadStream(fixturePath(name));
  return ingestFormat(store, input, { format, source: name, now: () => ingestedAt });
}

/** A new in-memory store holding `prices`. */
export async function openPricedStore(prices: PriceEntryInput[] = []): Promise<TelemetryStore> {
  const store = openStore(':memory:');
  for (const price of prices) await store.addPrice(price);
  return store;
}

/** A stored event with its instant as ISO text and its metadata parsed, for exact comparisons. */
export type ReadEvent = Omit<StoredEvent, 'ts' | 'metadata'> & { ts: string; metadata: unknown };

/** Every stored event in export order (instant, provider, ingestion order). */
export async function readEvents(store: TelemetryStore): Promise<ReadEvent[]> {
  const events: ReadEvent[] = [];
  for await (const event of store.iterateEvents({})) {
    events.push({ ...event, ts: formatInstant(event.ts), metadata: JSON.parse(event.metadata) });
  }
  return events;
}

/** The fields a fixture import gives every event: no experiment, the fixed clock. */
export const importedFields = {
  experiment_cohort: null,
  experiment_tag: null,
  ingested_at: ingestedAt,
} as const;
