import { compactMetadata, FieldProblem, type ImportedEvent } from './imported-event.js';
import { splitAdditiveInput } from './input-split.js';
import { readIsoInstant } from './instants.js';
import { isAbsent, isRecord, readCount, readText } from './loose-values.js';
import { centsToUsd } from './money.js';

/**
 * One usage or cost result of a report bucket as an aggregate event (`metadata.aggregate` true,
 * no latency, status `success`). The reports give no request count, so `metadata.request_count`
 * is null. Usage rows: `tokens_in` = uncached input + cache reads + cache writes (5m and 1h),
 * which Anthropic reports apart, and no cost (the store prices them with the cache split). Cost
 * rows: `amount` is **cents** as a decimal text (`"123.45"` is 1.2345 USD), and no tokens.
 *
 * @throws FieldProblem naming the field at fault.
 */
export function toAnthropicAggregate(
  result: Record<string, unknown>,
  bucket: Record<string, unknown>,
): ImportedEvent {
  const isCost = 'amount' in result;
  const creation = isRecord(result['cache_creation']) ? result['cache_creation'] : {};
  const write5m = readCount(creation['ephemeral_5m_input_tokens'], 'ephemeral_5m_input_tokens');
  const write1h = readCount(creation['ephemeral_1h_input_tokens'], 'ephemeral_1h_input_tokens');
  const uncached = readCount(result['uncached_input_tokens'], 'uncached_input_tokens') ?? 0;
  const cacheRead = readCount(result['cache_read_input_tokens'], 'cache_read_input_tokens');
  const split = splitAdditiveInput(uncached, cacheRead, (write5m ?? 0) + (write1h ?? 0));
  const group = {
    model: readText(result['model']),
    workspace_id: readText(result['workspace_id']),
    api_key_id: readText(result['api_key_id']),
    service_tier: readText(result['service_tier']),
    context_window: readText(result['context_window']),
    cost_type: readText(result['cost_type']),
    token_type: readText(result['token_type']),
    description: readText(result['description']),
  };
  const start = readIsoInstant(bucket['starting_at'], 'starting_at');
  const kind = isCost ? 'cost' : 'usage';

  return {
    provider_id: 'anthropic',
    tool: group.model ?? group.description ?? group.cost_type ?? kind,
    route: group.workspace_id ?? null,
    ...split,
    tokens_out: readCount(result['output_tokens'], 'output_tokens') ?? 0,
    duration_ms: 0,
    status: 'success',
    cost_estimated_usd: isCost ? readCents(result) : null,
    ts: start,
    event_id: ['anthropic', kind, start, ...Object.values(group).map((v) => v ?? '')].join(':'),
    metadata: {
      ...compactMetadata({
        aggregate: true,
        usage_kind: kind,
        bucket_start: start,
        bucket_end: isAbsent(bucket['ending_at'])
          ? undefined
          : readIsoInstant(bucket['ending_at'], 'ending_at'),
        ...group,
        input_tokens: isCost ? undefined : uncached,
        cache_read_tokens: isCost ? undefined : split.cache_read_tokens,
        cache_write_tokens: isCost ? undefined : split.cache_write_tokens,
        cache_write_5m_tokens: write5m,
        cache_write_1h_tokens: write1h,
      }),
      request_count: null,
    },
  };
}

function readCents(result: Record<string, unknown>): number {
  const currency = readText(result['currency']);
  if (currency !== undefined && currency.toUpperCase() !== 'USD') {
    throw new FieldProblem('currency', `expected USD, got "${currency}"`);
  }
  return centsToUsd(result['amount'], 'amount');
}
