import type { FormatName } from './format-names.js';
import { isRecord } from './loose-values.js';

const claudeCodeLineTypes = new Set([
  'user',
  'assistant',
  'summary',
  'system',
  'file-history-snapshot',
]);

/**
 * The format of an input from its first record (a parsed JSON value: a JSONL line or a whole
 * document) or, for CSV, its header line. Null when it is none of the known formats — our own
 * event shape, say.
 *
 * @example detectFormat({ resourceSpans: [] }) // 'otlp'
 * @example detectFormat('generation_id,created_at,cost_total,…') // 'openrouter'
 */
export function detectFormat(firstRecordOrHeader: unknown): FormatName | null {
  if (typeof firstRecordOrHeader === 'string') return detectCsvHeader(firstRecordOrHeader);
  if (Array.isArray(firstRecordOrHeader)) return detectFormat(firstRecordOrHeader.find(isRecord));
  if (!isRecord(firstRecordOrHeader)) return null;
  return detectRecord(firstRecordOrHeader);
}

function detectRecord(record: Record<string, unknown>): FormatName | null {
  if ('resourceSpans' in record) return 'otlp';
  if (isClaudeCodeLine(record)) return 'claude-code';
  if (has(record, 'request_id', 'call_type', 'spend')) return 'litellm';
  if ('response_cost' in record && isNumeric(record['startTime'])) return 'litellm';
  if (isOpenAiUsage(record)) return 'openai-usage';
  if (has(record, 'request_created_at') && ('delay_ms' in record || 'request_id' in record)) {
    return 'helicone';
  }
  if (has(record, 'traceId', 'type', 'id')) return 'langfuse';
  if (
    has(record, 'starting_at', 'results') ||
    has(record, 'starting_at', 'uncached_input_tokens')
  ) {
    return 'anthropic-usage';
  }
  const data = Array.isArray(record['data']) ? record['data'].find(isRecord) : undefined;
  if (data && has(data, 'traceId', 'type')) return 'langfuse';
  if (data && has(data, 'starting_at', 'results')) return 'anthropic-usage';
  return null;
}

function detectCsvHeader(header: string): FormatName | null {
  const columns = new Set(
    header
      .replace(/^\uFEFF/, '')
      .split(',')
      .map((cell) => cell.trim().replace(/^"(.*)"$/, '$1')),
  );
  const hasAll = (...names: string[]) => names.every((name) => columns.has(name));
  if (hasAll('generation_id', 'created_at', 'cost_total')) return 'openrouter';
  if (hasAll('num_model_requests') || hasAll('amount_value')) return 'openai-usage';
  if (hasAll('request_created_at', 'delay_ms') || hasAll('request_id', 'request_created_at')) {
    return 'helicone';
  }
  if (hasAll('request_id', 'call_type', 'spend')) return 'litellm';
  if (hasAll('starting_at', 'uncached_input_tokens')) return 'anthropic-usage';
  return null;
}

function isClaudeCodeLine(record: Record<string, unknown>): boolean {
  const message = record['message'];
  if ('sessionId' in record && isRecord(message) && 'usage' in message) return true;
  const type = record['type'];
  if (typeof type !== 'string' || !claudeCodeLineTypes.has(type)) return false;
  return ['sessionId', 'leafUuid', 'messageId', 'uuid'].some((key) => key in record);
}

function isOpenAiUsage(record: Record<string, unknown>): boolean {
  const kind = record['object'];
  if (typeof kind === 'string' && kind.startsWith('organization.')) return true;
  if (kind === 'bucket') return 'start_time' in record;
  if (kind !== 'page' || !Array.isArray(record['data'])) return false;
  const bucket: unknown = record['data'][0];
  return bucket === undefined || (isRecord(bucket) && 'start_time' in bucket);
}

function has(record: Record<string, unknown>, ...keys: string[]): boolean {
  return keys.every((key) => key in record);
}

function isNumeric(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value));
}
