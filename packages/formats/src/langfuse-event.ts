import { compactMetadata, FieldProblem, type ImportedEvent } from './imported-event.js';
import { readIsoInstant, readIsoMs, secondsToMs } from './instants.js';
import { readCount, readJsonObject, readText } from './loose-values.js';
import { readUsd, sumUsd } from './money.js';
import { inferProvider } from './provider-inference.js';

/**
 * One generation or embedding as an event. Tokens follow Langfuse's own rule — the sum of the
 * `usageDetails` keys holding `input` / `output` — with the cached keys as the cache split; the
 * cost is `costDetails.total` (or its parts), else `calculatedTotalCost`: never the per-unit
 * `inputPrice`/`outputPrice`. `latency` is in seconds.
 *
 * @throws FieldProblem naming the field at fault.
 */
export function toLangfuseEvent(observation: Record<string, unknown>): ImportedEvent {
  const usage = readJsonObject(observation['usageDetails']) ?? {};
  const legacy = readJsonObject(observation['usage']) ?? {};
  const sum = (test: (key: string) => boolean) => sumCounts(usage, test);
  const id = readText(observation['id']);
  if (id === undefined) throw new FieldProblem('id', 'is required');
  const model = readText(observation['model']);
  const tool = model ?? readText(observation['name']);
  if (tool === undefined) throw new FieldProblem('model', 'is required (or a name)');
  const start = readIsoMs(observation['startTime'], 'startTime');
  const end = readIsoMs(observation['endTime'], 'endTime');
  const userMetadata = readJsonObject(observation['metadata']);

  const cacheRead = sum((key) => key.includes('input') && /cache_read|cached/.test(key));
  const cacheWrite = sum((key) => key.includes('input') && /cache_creation|cache_write/.test(key));
  return {
    provider_id: readText(userMetadata?.['ls_provider']) ?? inferProvider(model) ?? 'langfuse',
    tool,
    route: readText(observation['name']) ?? null,
    tokens_in:
      sum((key) => key.includes('input')) ??
      readCount(observation['promptTokens'] ?? legacy['input'], 'promptTokens') ??
      0,
    tokens_out:
      sum((key) => key.includes('output')) ??
      readCount(observation['completionTokens'] ?? legacy['output'], 'completionTokens') ??
      0,
    cache_read_tokens: cacheRead ?? 0,
    cache_write_tokens: cacheWrite ?? 0,
    duration_ms:
      secondsToMs(observation['latency'], 'latency') ??
      (start !== undefined && end !== undefined ? Math.max(0, end - start) : 0),
    status: readLevel(observation['level']),
    cost_estimated_usd: readCost(observation, legacy),
    ts: readIsoInstant(observation['startTime'], 'startTime'),
    event_id: id,
    metadata: compactMetadata({
      observation_id: id,
      trace_id: readText(observation['traceId']),
      parent_observation_id: readText(observation['parentObservationId']),
      type: readText(observation['type']),
      name: readText(observation['name']),
      level: readText(observation['level']),
      status_message: readText(observation['statusMessage']),
      prompt_name: readText(observation['promptName']),
      prompt_version: readText(observation['promptVersion']),
      usage_details: nonEmpty(usage),
      cost_details: nonEmpty(readJsonObject(observation['costDetails'])),
      prompt_tokens: readCount(observation['promptTokens'], 'promptTokens'),
      cache_read_tokens: cacheRead,
      cache_write_tokens: cacheWrite,
      time_to_first_token_ms: secondsToMs(observation['timeToFirstToken'], 'timeToFirstToken'),
      observation_metadata: userMetadata,
    }),
  };
}

function readLevel(level: unknown): string {
  if (level === 'ERROR') return 'error';
  if (level === 'WARNING') return 'warning';
  return 'success';
}

/** `costDetails.total`, else its parts, else `calculatedTotalCost`, else `usage.totalCost`. */
function readCost(observation: Record<string, unknown>, legacy: Record<string, unknown>) {
  const details = readJsonObject(observation['costDetails']) ?? {};
  const total = readUsd(details['total'], 'costDetails.total');
  if (total !== null) return total;
  const parts = Object.entries(details).map(([key, value]) => readUsd(value, `costDetails.${key}`));
  return (
    sumUsd(parts) ??
    readUsd(observation['calculatedTotalCost'], 'calculatedTotalCost') ??
    readUsd(legacy['totalCost'], 'usage.totalCost')
  );
}

/** The sum of the counts whose key passes `test`; undefined when no key does. */
function sumCounts(usage: Record<string, unknown>, test: (key: string) => boolean) {
  const keys = Object.keys(usage).filter(test);
  if (keys.length === 0) return undefined;
  return keys.reduce(
    (total, key) => total + (readCount(usage[key], `usageDetails.${key}`) ?? 0),
    0,
  );
}

function nonEmpty(object: Record<string, unknown> | undefined) {
  return object !== undefined && Object.keys(object).length > 0 ? object : undefined;
}
