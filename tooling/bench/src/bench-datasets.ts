import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateSyntheticEvents } from '@finops/fixtures';
import {
  normalizeEventRecord,
  openStore,
  samplePriceEntries,
  type EventInsert,
} from '@finops/store';

/** Synthetic events of the benchmark: a year of calls, deterministic for a size. */
export function syntheticOptions(count: number) {
  return { count, seed: 7, spanDays: 365 };
}

/**
 * A store file holding `count` synthetic events, built once and kept in `cacheDir` so repeated
 * runs measure instead of loading.
 */
export async function cachedStore(
  cacheDir: string,
  count: number,
  log: (line: string) => void,
): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const path = join(cacheDir, `events-${count}.db`);
  if (existsSync(path)) return path;

  const building = `${path}.building`;
  rmSync(building, { force: true });
  const store = openStore(building);
  for (const entry of samplePriceEntries) await store.addPrice(entry);

  let batch: EventInsert[] = [];
  let done = 0;
  for (const raw of generateSyntheticEvents(syntheticOptions(count))) {
    const normalized = normalizeEventRecord(raw);
    if (!normalized.ok) throw new Error(`synthetic event refused: ${normalized.reason}`);
    batch.push({
      ...normalized.event,
      source_file: 'synthetic',
      line_number: done + 1,
      ingested_at: 0,
    });
    done += 1;
    if (batch.length === 20_000) {
      await store.insertEvents(batch);
      batch = [];
      if (done % 1_000_000 === 0)
        log(`  built ${done.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} events`);
    }
  }
  await store.insertEvents(batch);
  await store.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  renameSync(building, path);
  return path;
}
