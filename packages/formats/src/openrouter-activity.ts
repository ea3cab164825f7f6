import type { Readable } from 'node:stream';
import type { SourceRecord } from '@finops/store';
import {
  compactMetadata,
  FieldProblem,
  toSourceRecord,
  type ImportedEvent,
} from './imported-event.js';
import { readCsvItems } from './input-items.js';
import { splitIncludedInput } from './input-split.js';
import { readIsoInstant } from './instants.js';
import { readCount, readDecimal, readFlag, readNumber, readText } from './loose-values.js';
import { readUsd, sumUsd } from './money.js';

/**
 * Events of an OpenRouter activity export (CSV, one row per generation), read by header name so
 * older and newer column sets both work. `created_at` has no zone and is UTC.
 */
export async function* readOpenRouterRecords(input: Readable): AsyncGenerator<SourceRecord> {
  for await (const item of readCsvItems(input)) {
    if (item.parseError !== undefined) {
      yield item;
      continue;
    }
    const row = item.value as Record<string, string>;
    yield toSourceRecord(item.line, item.raw, () => toOpenRouterEvent(row));
  }
}

/**
 * One generation as an event of provider `openrouter` — the gateway that bills it; the upstream
 * host is kept as `metadata.upstream_provider`. Cached prompt tokens are part of
 * `tokens_prompt`; reasoning tokens part of `tokens_completion`. The cost is `cost_total` plus
 * the BYOK inference estimate `byok_usage_inference`.
 *
 * @throws FieldProblem naming the column at fault.
 */
export function toOpenRouterEvent(row: Record<string, string>): ImportedEvent {
  const id = readText(row['generation_id']);
  if (id === undefined) throw new FieldProblem('generation_id', 'is required');
  const tool = readText(row['model_permaslug']) ?? readText(row['model']);
  if (tool === undefined) throw new FieldProblem('model_permaslug', 'is required');
  const cached = readCount(row['tokens_cached'], 'tokens_cached');
  const split = splitIncludedInput(readCount(row['tokens_prompt'], 'tokens_prompt') ?? 0, cached);
  const cost = readUsd(row['cost_total'], 'cost_total');
  const byok = readUsd(row['byok_usage_inference'], 'byok_usage_inference');

  return {
    provider_id: 'openrouter',
    tool,
    route: readText(row['app_name']) ?? readText(row['api_key_name']) ?? null,
    ...split,
    tokens_out: readCount(row['tokens_completion'], 'tokens_completion') ?? 0,
    duration_ms: Math.trunc(readDecimal(row['generation_time_ms'], 'generation_time_ms') ?? 0),
    status: readStatus(row),
    cost_estimated_usd: sumUsd([cost, byok]),
    ts: readIsoInstant(row['created_at'], 'created_at'),
    event_id: id,
    metadata: compactMetadata({
      generation_id: id,
      upstream_provider: readText(row['provider_name']),
      model_variant: readText(row['variant']),
      streamed: readFlag(row['streamed']),
      finish_reason: readText(row['finish_reason_normalized']),
      finish_reason_raw: readText(row['finish_reason_raw']),
      cache_read_tokens: cached,
      reasoning_tokens: readCount(row['tokens_reasoning'], 'tokens_reasoning'),
      cost_total: cost,
      byok_usage_inference: byok || undefined,
      cost_cache: readNumber(row['cost_cache']) || undefined,
      cost_web_search: readNumber(row['cost_web_search']) || undefined,
      cost_file_processing: readNumber(row['cost_file_processing']) || undefined,
      time_to_first_token_ms: readNumber(row['time_to_first_token_ms']),
      api_key_name: readText(row['api_key_name']),
      app_name: readText(row['app_name']),
      user: readText(row['user']),
    }),
  };
}

function readStatus(row: Record<string, string>): string {
  if (readFlag(row['cancelled']) === true) return 'cancelled';
  return readText(row['finish_reason_normalized']) === 'error' ? 'error' : 'success';
}
