import type { IngestOptions, IngestResult } from './ingest-result.js';
import { ingestValue } from './ingest-sources.js';
import { samplePriceEntries } from './price-entry.js';
import type { TelemetryStore } from './telemetry-store.js';

/**
 * Seeds a store from a dataset document (`{"events": [...]}`, status defaulting to `success`)
 * after installing the sample price entries, unless the store already has price entries.
 * Seeding twice stores nothing new.
 *
 * @throws StoreError `STORE_QUERY_FAILED` when the database refuses a write.
 */
export async function seedDataset(
  store: TelemetryStore,
  dataset: unknown,
  options: IngestOptions = {},
): Promise<IngestResult> {
  if ((await store.listPrices()).length === 0) {
    for (const entry of samplePriceEntries) await store.addPrice(entry);
  }
  return ingestValue(store, dataset, { source: 'dataset', ...options });
}
