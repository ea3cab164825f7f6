import { canonicalJson } from './canonical-json.js';
import {
  fail,
  pickFirst,
  readCost,
  readDuration,
  readOptionalText,
  readRequiredText,
  readTokenCount,
  show,
  type FieldResult,
} from './field-readers.js';
import { parseInstant } from './instant.js';
import { normalizeStatus } from './status.js';

/** An event after normalization: the form the store keeps and hashes. */
export interface NormalizedEvent {
  ts: number;
  provider_id: string;
  tool: string;
  route: string | null;
  tokens_in: number;
  tokens_out: number;
  duration_ms: number;
  status: string;
  cost_estimated_usd: number | null;
  /** Canonical JSON text of the metadata object. */
  metadata: string;
  experiment_cohort: string | null;
  experiment_tag: string | null;
  /**
   * The producer's own id of the call (a request or generation id). When present it is the
   * event's identity, so re-importing a file that grew adds only the new calls.
   */
  event_id?: string | null;
  /** Input tokens read from a prompt cache; part of `tokens_in`, priced at the cache-read price. */
  cache_read_tokens?: number;
  /** Input tokens written to a prompt cache; part of `tokens_in`, priced at the cache-write price. */
  cache_write_tokens?: number;
}

/** Why a record was refused: the field at fault (null for the record as a whole) and the reason. */
export interface RecordProblem {
  field: string | null;
  reason: string;
}

/** A normalized event, or the field at fault and why (see {@link RecordProblem}). */
export type NormalizeResult =
  { ok: true; event: NormalizedEvent } | ({ ok: false } & RecordProblem);

/** How records without some fields are completed. */
export interface NormalizeOptions {
  /** Status of a record that has none: `unknown`, or `success` for dataset documents. */
  defaultStatus?: string;
  /** Provider of a record that has none (a logs directory's name). */
  providerId?: string;
}

/** Accepted keys per field, the first present one winning (SPEC §1.1). */
export const fieldSynonyms = {
  ts: ['ts', 'timestamp', 'time', 'created_at', 'logged_at'],
  tool: ['tool', 'model', 'name', 'service', 'target'],
  route: ['route', 'profile', 'target_route', 'route_id'],
  status: ['status', 'state', 'result'],
  tokens_in: ['tokens_in', 'input_tokens', 'prompt_tokens', 'request_tokens'],
  tokens_out: ['tokens_out', 'output_tokens', 'completion_tokens', 'response_tokens'],
  duration_ms: ['duration_ms', 'latency_ms', 'latencyMs', 'elapsed_ms', 'elapsedMs'],
  cost_estimated_usd: [
    'cost_estimated_usd',
    'cost_usd',
    'estimated_cost_usd',
    'total_cost_usd',
    'price_usd',
  ],
  metadata: ['metadata', 'details', 'extra', 'info'],
  experiment_cohort: ['experiment_cohort', 'cohort', 'experimentCohort', 'experiment_cohort_id'],
  experiment_tag: ['experiment_tag', 'tag', 'variant', 'experimentVariant'],
  cache_read_tokens: ['cache_read_tokens', 'cache_read_input_tokens'],
  cache_write_tokens: ['cache_write_tokens', 'cache_creation_input_tokens'],
} as const;

const experimentContainers = ['experiment', 'experiment_context', 'experimentMetadata'];
const EARLIEST_MS = 0;

/**
 * Turns one raw record into a normalized event, or says which field is wrong and why.
 *
 * @example
 * normalizeEventRecord({ provider_id: 'codex', model: 'o4', ts: '2025-10-21T11:00:00-03:00' });
 * // { ok: true, event: { ts: 1761055200000, tool: 'o4', status: 'unknown', … } }
 */
export function normalizeEventRecord(
  raw: unknown,
  options: NormalizeOptions = {},
): NormalizeResult {
  if (!isObject(raw)) {
    return { ok: false, field: null, reason: `expected a JSON object, got ${show(raw)}` };
  }

  const metadata = pickObject(raw, fieldSynonyms.metadata) ?? {};
  try {
    return {
      ok: true,
      event: {
        ts: take('ts', readTimestamp(pickFirst(raw, fieldSynonyms.ts))),
        provider_id: take(
          'provider_id',
          readRequiredText(raw['provider_id'] ?? options.providerId, 128),
        ),
        tool: take('tool', readRequiredText(pickFirst(raw, fieldSynonyms.tool), 256)),
        route: take('route', readOptionalText(pickFirst(raw, fieldSynonyms.route))),
        tokens_in: take('tokens_in', readTokenCount(pickFirst(raw, fieldSynonyms.tokens_in))),
        tokens_out: take('tokens_out', readTokenCount(pickFirst(raw, fieldSynonyms.tokens_out))),
        duration_ms: take('duration_ms', readDuration(pickFirst(raw, fieldSynonyms.duration_ms))),
        status: take(
          'status',
          readStatus(pickFirst(raw, fieldSynonyms.status), options.defaultStatus ?? 'unknown'),
        ),
        cost_estimated_usd: take(
          'cost_estimated_usd',
          readCost(pickFirst(raw, fieldSynonyms.cost_estimated_usd)),
        ),
        metadata: canonicalJson(metadata),
        experiment_cohort: take(
          'experiment_cohort',
          readExperimentField(fieldSynonyms.experiment_cohort, raw, metadata),
        ),
        experiment_tag: take(
          'experiment_tag',
          readExperimentField(fieldSynonyms.experiment_tag, raw, metadata),
        ),
        event_id: take('event_id', readOptionalText(raw['event_id'])),
        ...take('cache_read_tokens', readCacheSplit(raw)),
      },
    };
  } catch (error) {
    if (error instanceof FieldRejected) {
      return { ok: false, field: error.field, reason: error.reason };
    }
    throw error;
  }
}

/** The cache split of the input tokens; both parts must fit inside `tokens_in`. */
function readCacheSplit(
  raw: Record<string, unknown>,
): FieldResult<{ cache_read_tokens: number; cache_write_tokens: number }> {
  const read = readTokenCount(pickFirst(raw, fieldSynonyms.cache_read_tokens));
  if (!read.ok) return read;
  const write = readTokenCount(pickFirst(raw, fieldSynonyms.cache_write_tokens));
  if (!write.ok) return { ok: false, reason: `cache_write_tokens ${write.reason}` };
  const input = readTokenCount(pickFirst(raw, fieldSynonyms.tokens_in));
  if (input.ok && read.value + write.value > input.value) {
    return {
      ok: false,
      reason: `cache reads and writes (${read.value + write.value}) exceed tokens_in (${input.value})`,
    };
  }
  return { ok: true, value: { cache_read_tokens: read.value, cache_write_tokens: write.value } };
}

/** Thrown inside {@link normalizeEventRecord} to stop at the first bad field. */
class FieldRejected {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {}
}

function take<T>(field: string, result: FieldResult<T>): T {
  if (!result.ok) throw new FieldRejected(field, result.reason);
  return result.value;
}

function readTimestamp(value: unknown): FieldResult<number> {
  if (value === undefined) return fail('is required');
  if (typeof value !== 'string') return fail(`expected an ISO 8601 text, got ${show(value)}`);
  const instant = parseInstant(value);
  if (!instant.ok) return instant;
  if (instant.ms < EARLIEST_MS) return fail(`is before 1970-01-01: ${show(value)}`);
  return { ok: true, value: instant.ms };
}

function readStatus(value: unknown, fallback: string): FieldResult<string> {
  if (value === undefined) return { ok: true, value: fallback };
  if (typeof value !== 'string' && typeof value !== 'number') {
    return fail(`expected text, got ${show(value)}`);
  }
  return { ok: true, value: normalizeStatus(String(value)) };
}

/** An experiment field from the experiment containers, then the record, then its metadata. */
function readExperimentField(
  keys: readonly string[],
  raw: Record<string, unknown>,
  metadata: Record<string, unknown>,
) {
  for (const container of experimentContainers) {
    const scope = raw[container];
    if (!isObject(scope)) continue;
    const value = pickFirst(scope, keys);
    if (value !== undefined) return readOptionalText(value);
  }
  return readOptionalText(pickFirst(raw, keys) ?? pickFirst(metadata, keys));
}

function pickObject(record: Record<string, unknown>, keys: readonly string[]) {
  for (const key of keys) {
    const value = record[key];
    if (isObject(value)) return value;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
