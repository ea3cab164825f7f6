import { StoreError } from './errors.js';
import {
  appendPrepared,
  emptyPrepared,
  prepareRecords,
  type PreparedBatch,
  type PrepareContext,
} from './ingest-prepare.js';
import {
  emptyIngestResult,
  type IngestOptions,
  type IngestRejection,
  type IngestResult,
  type SourceRecord,
} from './ingest-result.js';
import type { TelemetryStore } from './telemetry-store.js';

/** Extra context the readers pass along with the records. */
export interface RecordStreamContext {
  bytesRead?: () => number;
  bytesTotal?: number | null;
}

/** Records read per normalization step when the caller hands them over one by one. */
const RECORDS_PER_STEP = 500;

/**
 * Normalizes, deduplicates and stores records in batches; refused records are reported, never
 * dropped silently, and the good records of the same input are stored.
 *
 * @throws StoreError `STORE_INVALID_INPUT` for a batch size that is not a positive whole number;
 *   `STORE_QUERY_FAILED` when the database refuses a write.
 */
export async function ingestRecords(
  store: TelemetryStore,
  records: Iterable<SourceRecord> | AsyncIterable<SourceRecord>,
  options: IngestOptions = {},
  context: RecordStreamContext = {},
): Promise<IngestResult> {
  return ingestRecordBatches(store, groups(records, RECORDS_PER_STEP), options, context);
}

/** {@link ingestRecords} of records that arrive in arrays (a chunk of a file each). */
export async function ingestRecordBatches(
  store: TelemetryStore,
  batches: AsyncIterable<readonly SourceRecord[]>,
  options: IngestOptions = {},
  context: RecordStreamContext = {},
): Promise<IngestResult> {
  const batchSize = checkedBatchSize(options);
  const prepare = prepareContext(options);
  async function* prepared(): AsyncGenerator<PreparedBatch> {
    for await (const records of batches) yield prepareRecords(records, prepare);
  }
  return storePrepared(store, prepared(), options, { ...context, batchSize });
}

/** The context every record of a run is prepared with. */
export function prepareContext(options: IngestOptions): PrepareContext {
  return {
    source: options.source ?? '-',
    providerId: options.providerId,
    ingestedAt: (options.now ?? Date.now)(),
  };
}

/** The batch size of the options (2,000 by default), checked. */
export function checkedBatchSize(options: IngestOptions): number {
  const batchSize = options.batchSize ?? 2_000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new StoreError(
      'STORE_INVALID_INPUT',
      `batchSize must be a positive whole number, got ${batchSize}`,
      { field: 'batchSize' },
    );
  }
  return batchSize;
}

/**
 * Stores prepared events in transactions of `batchSize`, reports rejections and progress, and
 * totals the run. The prepared batches may come from this thread or from a parsing worker.
 */
export async function storePrepared(
  store: TelemetryStore,
  batches: AsyncIterable<PreparedBatch>,
  options: IngestOptions,
  context: RecordStreamContext & { batchSize: number },
): Promise<IngestResult> {
  const source = options.source ?? '-';
  const result = emptyIngestResult();
  // Events not yet stored and rejections not yet reported, each rejection placed among the
  // events, so both are reported in input order.
  const pending = emptyPrepared();

  const reject = (upTo: number) => {
    let taken = 0;
    while (taken < pending.rejections.length && (pending.rejectedAfter[taken] as number) < upTo) {
      const rejection = pending.rejections[taken] as IngestRejection;
      taken += 1;
      result.rejected += 1;
      if (options.onReject) options.onReject(rejection);
      else result.rejections.push(rejection);
    }
    pending.rejections = pending.rejections.slice(taken);
    pending.rejectedAfter = pending.rejectedAfter.slice(taken);
  };
  const flush = async (count: number) => {
    reject(count);
    const outcome = await store.insertEvents(pending.events.slice(0, count));
    pending.events = pending.events.slice(count);
    pending.rejectedAfter = pending.rejectedAfter.map((after) => after - count);
    result.inserted += outcome.inserted;
    result.duplicates += outcome.duplicates;
    options.onProgress?.({
      source,
      records: result.inserted + result.duplicates + result.rejected,
      bytesRead: context.bytesRead?.() ?? 0,
      bytesTotal: context.bytesTotal ?? null,
      inserted: result.inserted,
      duplicates: result.duplicates,
      rejected: result.rejected,
    });
  };

  for await (const batch of batches) {
    appendPrepared(pending, batch);
    while (pending.events.length >= context.batchSize) await flush(context.batchSize);
  }
  reject(Number.POSITIVE_INFINITY);
  await flush(pending.events.length);

  return result;
}

/** Items of an iterable in arrays of up to `size` (a plain iterable is read without awaits). */
async function* groups<T>(items: Iterable<T> | AsyncIterable<T>, size: number) {
  let group: T[] = [];
  const full = (item: T) => group.push(item) >= size;
  if (Symbol.iterator in items) {
    for (const item of items) {
      if (!full(item)) continue;
      yield group;
      group = [];
    }
  } else {
    for await (const item of items) {
      if (!full(item)) continue;
      yield group;
      group = [];
    }
  }
  if (group.length > 0) yield group;
}
