import { createHash } from 'node:crypto';
import type { NormalizedEvent } from './event-record.js';

/**
 * The identity key of an event (SPEC §2): its instant (8 bytes, big-endian) followed by the first
 * 24 bytes of a SHA-256 over its normalized fields, so the same event written with another
 * offset, key order or from another file has the same key. Leading with the instant keeps the
 * keys of time-ordered logs near the end of their index, so large loads append instead of
 * touching random pages. With an `event_id` (the producer's id of the call) the hash covers
 * the provider and that id instead of the fields.
 */
export function identityKey(event: NormalizedEvent): Buffer {
  const key = Buffer.alloc(32);
  key.writeBigUInt64BE(BigInt(event.ts));
  contentHash(event).copy(key, 8, 0, 24);
  return key;
}

function contentHash(event: NormalizedEvent): Buffer {
  if (event.event_id) {
    return createHash('sha256')
      .update(JSON.stringify(['event_id', event.provider_id, event.event_id]))
      .digest();
  }
  const fields = [
    event.ts,
    event.provider_id,
    event.tool,
    event.route,
    event.tokens_in,
    event.tokens_out,
    event.duration_ms,
    event.status,
    event.cost_estimated_usd,
    event.metadata,
    event.experiment_cohort,
    event.experiment_tag,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest();
}
