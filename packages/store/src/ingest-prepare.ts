import { normalizeEventRecord } from './event-record.js';
import { identityKey } from './identity.js';
import type { IngestRejection, SourceRecord } from './ingest-result.js';
import type { EventInsert } from './telemetry-store.js';

/** What every record of one ingestion run shares. */
export interface PrepareContext {
  source: string;
  /** Provider of records that have none. */
  providerId?: string;
  /** `ingested_at` of every event of the run (epoch ms). */
  ingestedAt: number;
}

/** Records made ready to store: events with their identity keys, and the refused records. */
export interface PreparedBatch {
  events: EventInsert[];
  rejections: IngestRejection[];
  /** For each rejection, how many of the batch's events came before it in the input. */
  rejectedAfter: number[];
}

/**
 * Normalizes records and computes their identity keys: the CPU-bound half of ingestion, which
 * needs no database and so can run on another thread than the writes.
 */
export function prepareRecords(
  records: readonly SourceRecord[],
  context: PrepareContext,
): PreparedBatch {
  const events: EventInsert[] = [];
  const rejections: IngestRejection[] = [];
  const rejectedAfter: number[] = [];
  for (const record of records) {
    const normalized =
      record.parseError === undefined
        ? normalizeEventRecord(record.value, {
            defaultStatus: record.defaultStatus,
            providerId: context.providerId,
          })
        : { ok: false as const, field: null, reason: record.parseError };

    if (!normalized.ok) {
      rejections.push({
        source: context.source,
        line: record.line,
        field: normalized.field,
        reason: normalized.reason,
        raw: record.raw,
      });
      rejectedAfter.push(events.length);
      continue;
    }
    const event = normalized.event as EventInsert;
    event.source_file = context.source;
    event.line_number = record.line;
    event.ingested_at = context.ingestedAt;
    event.identity = identityKey(event);
    events.push(event);
  }
  return { events, rejections, rejectedAfter };
}

/** A prepared batch with nothing in it yet. */
export function emptyPrepared(): PreparedBatch {
  return { events: [], rejections: [], rejectedAfter: [] };
}

/** Appends `part` to `into`, keeping each rejection's place among the events. */
export function appendPrepared(into: PreparedBatch, part: PreparedBatch): void {
  part.rejections.forEach((rejection, i) => {
    into.rejections.push(rejection);
    into.rejectedAfter.push(into.events.length + (part.rejectedAfter[i] as number));
  });
  for (const event of part.events) into.events.push(event);
}
