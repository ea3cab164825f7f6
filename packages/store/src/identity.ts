import { createHash } from 'node:crypto';
import type { NormalizedEvent } from './event-record.js';

/**
 * The identity key of an event (SPEC §2): SHA-256 over its normalized fields, so the same event
 * written with another offset, key order or from another file has the same key.
 */
export function identityKey(event: NormalizedEvent): Buffer {
  if (event.event_id) {
    // The producer's id names the call: a later, fuller copy of it is the same event.
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
