import { compactMetadata, FieldProblem, type ImportedEvent } from './imported-event.js';
import { splitIncludedInput } from './input-split.js';
import { epochSecondsToInstant } from './instants.js';
import { isAbsent, isRecord, readCount, readFlag, readText } from './loose-values.js';
import { readUsd } from './money.js';

/**
 * One usage or cost result of a bucket as an aggregate event: many requests in one row, so no
 * latency (0) and status `success` (billed requests); `metadata.aggregate` is true and
 * `metadata.request_count` holds `num_model_requests`. Usage rows carry no cost (the store prices
 * them, cached input at the cache-read price); cost rows carry the cost and no tokens.
 * `input_tokens` includes `input_cached_tokens`.
 *
 * @throws FieldProblem naming the field at fault.
 */
export function toOpenAiAggregate(
  result: Record<string, unknown>,
  bucket: Record<string, unknown>,
): ImportedEvent {
  const kind = readKind(result);
  const cost = readAmount(result);
  const cached = readCount(result['input_cached_tokens'], 'input_cached_tokens');
  const split = splitIncludedInput(readCount(result['input_tokens'], 'input_tokens') ?? 0, cached);
  const group = {
    project_id: readText(result['project_id']),
    user_id: readText(result['user_id']),
    api_key_id: readText(result['api_key_id']),
    model: readText(result['model']),
    batch: readFlag(result['batch']) ?? undefined,
    service_tier: readText(result['service_tier']),
    line_item: readText(result['line_item']),
  };
  const start = epochSecondsToInstant(bucket['start_time'], 'start_time');
  const end = isAbsent(bucket['end_time'])
    ? undefined
    : epochSecondsToInstant(bucket['end_time'], 'end_time');

  return {
    provider_id: 'openai',
    tool: group.model ?? group.line_item ?? kind,
    route: group.project_id ?? null,
    ...split,
    tokens_out: readCount(result['output_tokens'], 'output_tokens') ?? 0,
    duration_ms: 0,
    status: 'success',
    cost_estimated_usd: cost,
    ts: start,
    event_id: ['openai', kind, start, ...Object.values(group).map((v) => v ?? '')].join(':'),
    metadata: compactMetadata({
      aggregate: true,
      request_count: readCount(result['num_model_requests'], 'num_model_requests'),
      usage_kind: kind,
      bucket_start: start,
      bucket_end: end,
      ...group,
      cache_read_tokens: cached,
      input_audio_tokens:
        readCount(result['input_audio_tokens'], 'input_audio_tokens') || undefined,
      output_audio_tokens:
        readCount(result['output_audio_tokens'], 'output_audio_tokens') || undefined,
      organization_id: readText(result['organization_id']),
    }),
  };
}

/** `completions`, `embeddings`, … from the result's `object`; `costs` for cost rows. */
function readKind(result: Record<string, unknown>): string {
  if ('amount' in result || 'amount_value' in result) return 'costs';
  const object = readText(result['object']);
  const match =
    object === undefined ? null : /^organization\.usage\.([a-z_]+)\.result$/.exec(object);
  return match?.[1] ?? 'usage';
}

/** The USD amount of a cost row (`amount.value`, CSV `amount_value`), null for usage rows. */
function readAmount(result: Record<string, unknown>): number | null {
  const amount = isRecord(result['amount']) ? result['amount'] : undefined;
  const value = amount?.['value'] ?? result['amount_value'];
  const currency = readText(amount?.['currency'] ?? result['amount_currency']);
  if (currency !== undefined && currency.toLowerCase() !== 'usd') {
    throw new FieldProblem('amount.currency', `expected usd, got "${currency}"`);
  }
  return readUsd(value, 'amount.value');
}
