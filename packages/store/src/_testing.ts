import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from './contract.js';
import type { TelemetryStore } from './telemetry-store.js';

/** The reference dataset of the replaced system, read in place (never copied into the repo). */
export const referenceDatasetUrl = new URL(
  '../../../../shared/data/finops_events.json',
  import.meta.url,
);

/** Every stored event in export order. */
export async function collectEvents(store: TelemetryStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.iterateEvents({})) events.push(event);
  return events;
}

/** A fresh temporary directory and the function that removes it. */
export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `finops-store-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
