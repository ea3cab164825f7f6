import { StoreError } from './errors.js';
import { normalizeEventRecord } from './event-record.js';
import {
  emptyIngestResult,
  type IngestOptions,
  type IngestResult,
  type SourceRecord,
} from './ingest-result.js';
import type { EventInsert, TelemetryStore } from './telemetry-store.js';

/** Extra context the readers pass along with the records. */
export interface RecordStreamContext {
  bytesRead?: () => number;
  bytesTotal?: number | null;
}

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
  const source = options.source ?? '-';
  const batchSize = options.batchSize ?? 2_000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new StoreError(
      'STORE_INVALID_INPUT',
      `batchSize must be a positive whole number, got ${batchSize}`,
      {
        field: 'batchSize',
      },
    );
  }

  const ingestedAt = (options.now ?? Date.now)();
  const result = emptyIngestResult();
  let batch: EventInsert[] = [];
  let recordCount = 0;

  const flush = async () => {
    const outcome = await store.insertEvents(batch);
    result.inserted += outcome.inserted;
    result.duplicates += outcome.duplicates;
    batch = [];
    options.onProgress?.({
      source,
      records: recordCount,
      bytesRead: context.bytesRead?.() ?? 0,
      bytesTotal: context.bytesTotal ?? null,
      inserted: result.inserted,
      duplicates: result.duplicates,
      rejected: result.rejected,
    });
  };

  for await (const record of records) {
    recordCount += 1;
    const normalized =
      record.parseError === undefined
        ? normalizeEventRecord(record.value, {
            defaultStatus: record.defaultStatus,
            providerId: options.providerId,
          })
        : { ok: false as const, field: null, reason: record.parseError };

    if (!normalized.ok) {
      result.rejected += 1;
      const rejection = {
        source,
        line: record.line,
        field: normalized.field,
        reason: normalized.reason,
        raw: record.raw,
      };
      if (options.onReject) options.onReject(rejection);
      else result.rejections.push(rejection);
      continue;
    }

    batch.push({
      ...normalized.event,
      source_file: source,
      line_number: record.line,
      ingested_at: ingestedAt,
    });
    if (batch.length >= batchSize) await flush();
  }
  await flush();

  return result;
}
