import type { Readable } from 'node:stream';
import type { SourceRecord } from '@finops/store';
import {
  compactMetadata,
  FieldProblem,
  toSourceRecord,
  type ImportedEvent,
} from './imported-event.js';
import { readJsonOrCsvItems } from './input-items.js';
import { splitIncludedInput } from './input-split.js';
import { readIsoInstant } from './instants.js';
import {
  firstPresent,
  isAbsent,
  isRecord,
  readCount,
  readDecimal,
  readJsonObject,
  readNumber,
  readText,
} from './loose-values.js';
import { nanoDollarsToUsd, readUsd } from './money.js';
import { inferProvider } from './provider-inference.js';

/**
 * Events of a Helicone request export: `@helicone/export` JSON, JSONL or CSV, or a
 * `query-clickhouse` answer (`{ data: [...] }`). One row is one request.
 */
export async function* readHeliconeRecords(input: Readable): AsyncGenerator<SourceRecord> {
  for await (const item of readJsonOrCsvItems(input)) {
    if (item.parseError !== undefined) {
      yield item;
      continue;
    }
    const wrapped = isRecord(item.value) && Array.isArray(item.value['data']);
    const rows = wrapped ? (item.value as { data: unknown[] }).data : [item.value];
    for (const row of rows) {
      const raw = wrapped ? JSON.stringify(row) : item.raw;
      yield toSourceRecord(item.line, raw, () => toHeliconeEvent(row));
    }
  }
}

/**
 * One request as an event: provider lower-cased (`OPENAI` → `openai`), status `success` for a 2xx
 * response and `error` otherwise (the code kept in metadata), cost `costUSD` — or the ClickHouse
 * `cost`, which is USD × 1e9. Request and response bodies are never copied.
 *
 * @throws FieldProblem naming the field at fault.
 */
export function toHeliconeEvent(row: unknown): ImportedEvent {
  if (!isRecord(row)) throw new FieldProblem('row', 'expected a Helicone request object');
  const id = readText(row['request_id']);
  if (id === undefined) throw new FieldProblem('request_id', 'is required');
  const requestModel = readText(row['request_model']);
  const tool = readText(
    firstPresent(row['response_model'], row['model_override'], requestModel, row['model']),
  );
  if (tool === undefined) throw new FieldProblem('request_model', 'is required');
  const cacheRead = readCount(row['prompt_cache_read_tokens'], 'prompt_cache_read_tokens');
  const cacheWrite = readCount(row['prompt_cache_write_tokens'], 'prompt_cache_write_tokens');
  const prompt = readCount(row['prompt_tokens'], 'prompt_tokens') ?? 0;
  const responseStatus = readCount(row['response_status'], 'response_status');

  return {
    provider_id: readText(row['provider'])?.toLowerCase() ?? inferProvider(tool) ?? 'helicone',
    tool,
    route: readText(row['request_path']) ?? null,
    ...splitIncludedInput(prompt, cacheRead, cacheWrite),
    tokens_out: readCount(row['completion_tokens'], 'completion_tokens') ?? 0,
    duration_ms: Math.trunc(
      readDecimal(firstPresent(row['delay_ms'], row['latency']), 'delay_ms') ?? 0,
    ),
    status: readStatus(responseStatus),
    cost_estimated_usd: isAbsent(row['costUSD'])
      ? nanoDollarsToUsd(row['cost'], 'cost')
      : readUsd(row['costUSD'], 'costUSD'),
    ts: readIsoInstant(row['request_created_at'], 'request_created_at'),
    event_id: id,
    metadata: compactMetadata({
      request_id: id,
      response_id: readText(row['response_id']),
      request_path: readText(row['request_path']),
      request_user_id: readText(row['request_user_id']),
      properties: nonEmpty(readJsonObject(row['request_properties'])),
      response_status: responseStatus,
      request_model: requestModel === tool ? undefined : requestModel,
      model_override: readText(row['model_override']),
      time_to_first_token_ms: readNumber(row['time_to_first_token']),
      country_code: readText(row['country_code']),
      cache_read_tokens: cacheRead,
      cache_write_tokens: cacheWrite,
    }),
  };
}

function readStatus(code: number | undefined): string {
  if (code === undefined) return 'unknown';
  return code >= 200 && code < 300 ? 'success' : 'error';
}

function nonEmpty(object: Record<string, unknown> | undefined) {
  return object !== undefined && Object.keys(object).length > 0 ? object : undefined;
}
