import type { SourceRecord } from '@finops/store';

/**
 * One call in our event shape, as an importer builds it: the store's canonical keys only, with
 * `ts` already an ISO instant in UTC (`Z`) and the cache split of `tokens_in` set.
 */
export interface ImportedEvent {
  provider_id: string;
  tool: string;
  route: string | null;
  tokens_in: number;
  tokens_out: number;
  duration_ms: number;
  status: string;
  /** The cost the source reported (a real 0 stays 0); null lets the store price the call. */
  cost_estimated_usd: number | null;
  ts: string;
  metadata: Record<string, unknown>;
  /** The format's natural key of the call: the event's identity in the store. */
  event_id: string;
  /** Part of `tokens_in` read from a prompt cache. */
  cache_read_tokens: number;
  /** Part of `tokens_in` written to a prompt cache. */
  cache_write_tokens: number;
}

/** A field of a source record that cannot become part of an event, and why. */
export class FieldProblem extends Error {
  override readonly name = 'FieldProblem';

  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * Wraps an event built by `build` as the store's {@link SourceRecord}; a {@link FieldProblem}
 * becomes a record the store refuses with the field and reason, so nothing is lost.
 */
export function toSourceRecord(
  line: number,
  raw: string,
  build: () => ImportedEvent,
): SourceRecord {
  try {
    return { line, raw, value: build() };
  } catch (error) {
    if (!(error instanceof FieldProblem)) throw error;
    return { line, raw, parseError: `${error.field}: ${error.message}` };
  }
}

/** The entries of `fields` that hold a value: undefined, null and empty texts are left out. */
export function compactMetadata(fields: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.entries(fields).filter(
    ([, value]) => value !== undefined && value !== null && value !== '',
  );
  return Object.fromEntries(kept);
}
