import type { Readable } from 'node:stream';
import type { SourceRecord } from '@finops/store';
import { FieldProblem, toSourceRecord, type ImportedEvent } from './imported-event.js';
import { readJsonOrCsvItems } from './input-items.js';
import { epochSecondsToInstant, readIsoInstant, readIsoMs, secondsToMs } from './instants.js';
import {
  readLiteLlmInput,
  readLiteLlmMeta,
  readLiteLlmMetadata,
  readLiteLlmProvider,
  readLiteLlmStatus,
  readLiteLlmTool,
} from './litellm-fields.js';
import { isRecord, readCount, readText } from './loose-values.js';
import { readUsd } from './money.js';

/**
 * Events of LiteLLM proxy spend logs: `LiteLLM_SpendLogs` rows from `/spend/logs` (a JSON array
 * or `{ data: [...] }`), raw dumps where `metadata` and `request_tags` are JSON text (JSON, JSONL
 * or CSV), and `StandardLoggingPayload` objects from callbacks (epoch-second `startTime`). One row
 * is one call; `spend` 0 on failures and cache hits stays a real 0.
 */
export async function* readLiteLlmRecords(input: Readable): AsyncGenerator<SourceRecord> {
  for await (const item of readJsonOrCsvItems(input)) {
    if (item.parseError !== undefined) {
      yield item;
      continue;
    }
    const rows =
      isRecord(item.value) && Array.isArray(item.value['data']) ? item.value['data'] : [item.value];
    for (const row of rows) {
      const raw = rows.length === 1 ? item.raw : JSON.stringify(row);
      yield toSourceRecord(item.line, raw, () => toLiteLlmEvent(row));
    }
  }
}

function toLiteLlmEvent(row: unknown): ImportedEvent {
  if (!isRecord(row)) throw new FieldProblem('row', 'expected a LiteLLM spend log object');
  return isNumericTime(row['startTime']) ? fromPayload(row) : fromSpendLog(row);
}

/** A `LiteLLM_SpendLogs` row; DateTime values without a zone are UTC. */
function fromSpendLog(row: Record<string, unknown>): ImportedEvent {
  const meta = readLiteLlmMeta(row);
  const split = readLiteLlmInput(row, meta);
  const start = readIsoMs(row['startTime'], 'startTime');
  const end = readIsoMs(row['endTime'], 'endTime');
  const requestId = readText(row['request_id']);
  if (requestId === undefined) throw new FieldProblem('request_id', 'is required');

  return {
    provider_id: readLiteLlmProvider(row),
    tool: readLiteLlmTool(row),
    route: readText(row['model_group']) ?? null,
    ...split,
    tokens_out: readCount(row['completion_tokens'], 'completion_tokens') ?? 0,
    duration_ms:
      readCount(row['request_duration_ms'], 'request_duration_ms') ?? elapsed(start, end),
    status: readLiteLlmStatus(row, meta),
    cost_estimated_usd: readUsd(row['spend'], 'spend'),
    ts: readIsoInstant(row['startTime'], 'startTime'),
    event_id: requestId,
    metadata: readLiteLlmMetadata(row, meta, split),
  };
}

/** A `StandardLoggingPayload`: times in epoch seconds (floats), `response_time` in seconds. */
function fromPayload(row: Record<string, unknown>): ImportedEvent {
  const meta = readLiteLlmMeta(row);
  const split = readLiteLlmInput(row, meta);
  const id = readText(row['id']);
  if (id === undefined) throw new FieldProblem('id', 'is required');
  const start = secondsToMs(row['startTime'], 'startTime');
  const end = secondsToMs(row['endTime'], 'endTime');

  return {
    provider_id: readLiteLlmProvider(row),
    tool: readLiteLlmTool(row),
    route: readText(row['model_group']) ?? null,
    ...split,
    tokens_out: readCount(row['completion_tokens'], 'completion_tokens') ?? 0,
    duration_ms: secondsToMs(row['response_time'], 'response_time') ?? elapsed(start, end),
    status: readLiteLlmStatus(row, meta),
    cost_estimated_usd: readUsd(row['response_cost'], 'response_cost'),
    ts: epochSecondsToInstant(row['startTime'], 'startTime'),
    event_id: id,
    metadata: readLiteLlmMetadata(row, meta, split),
  };
}

function elapsed(start: number | undefined, end: number | undefined): number {
  if (start === undefined || end === undefined) return 0;
  if (end < start) throw new FieldProblem('endTime', 'is before startTime');
  return end - start;
}

function isNumericTime(value: unknown): boolean {
  return (
    typeof value === 'number' || (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value))
  );
}
