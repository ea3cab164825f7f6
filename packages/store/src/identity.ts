import * as crypto from 'node:crypto';
import type { NormalizedEvent } from './event-record.js';

const TWO_TO_32 = 2 ** 32;

/** SHA-256 of a text: the one-shot `crypto.hash` where Node has it (20.12+), a Hash otherwise. */
const sha256: (text: string) => Buffer =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'buffer')
    : (text) => crypto.createHash('sha256').update(text).digest();

/**
 * The identity key of an event (SPEC §2): its instant (8 bytes, big-endian) followed by the first
 * 24 bytes of a SHA-256 over its normalized fields, so the same event written with another
 * offset, key order or from another file has the same key. Leading with the instant keeps the
 * keys of time-ordered logs near the end of their index, so large loads append instead of
 * touching random pages. With an `event_id` (the producer's id of the call) the hash covers
 * the provider and that id instead of the fields.
 */
export function identityKey(event: NormalizedEvent): Buffer {
  const key = Buffer.allocUnsafe(32);
  // The instant is a whole number of milliseconds below 2^53: two 32-bit halves, no BigInt.
  key.writeUInt32BE(Math.floor(event.ts / TWO_TO_32), 0);
  key.writeUInt32BE(event.ts % TWO_TO_32, 4);
  sha256(hashedText(event)).copy(key, 8, 0, 24);
  return key;
}

function hashedText(event: NormalizedEvent): string {
  if (event.event_id) return JSON.stringify(['event_id', event.provider_id, event.event_id]);
  return JSON.stringify([
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
  ]);
}
