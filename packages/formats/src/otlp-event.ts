import { compactMetadata, FieldProblem, type ImportedEvent } from './imported-event.js';
import { splitIncludedInput } from './input-split.js';
import { nanosToInstant, nanosToMs, readEpochNanos } from './instants.js';
import { isRecord, readCount, readText } from './loose-values.js';
import { readUsd } from './money.js';
import { pickAttribute, type OtlpAttributes } from './otlp-attributes.js';

/** A span as the OTLP reader hands it over: ids in hex and attributes unwrapped. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: unknown;
  startTimeUnixNano: unknown;
  endTimeUnixNano: unknown;
  status: unknown;
  attributes: OtlpAttributes;
  resource: OtlpAttributes;
}

/** Attribute keys per field, the first present one winning: current spec, deprecated, vendors. */
const keys = {
  provider: ['gen_ai.provider.name', 'gen_ai.system', 'llm.provider', 'llm.system'],
  model: ['gen_ai.response.model', 'gen_ai.request.model', 'llm.model_name'],
  input: ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens', 'llm.token_count.prompt'],
  output: [
    'gen_ai.usage.output_tokens',
    'gen_ai.usage.completion_tokens',
    'llm.token_count.completion',
  ],
  cacheRead: [
    'gen_ai.usage.cache_read.input_tokens',
    'gen_ai.usage.cache_read_input_tokens',
    'llm.token_count.prompt_details.cache_read',
  ],
  cacheWrite: [
    'gen_ai.usage.cache_creation.input_tokens',
    'gen_ai.usage.cache_creation_input_tokens',
    'llm.token_count.prompt_details.cache_write',
  ],
  reasoning: ['gen_ai.usage.reasoning_tokens', 'llm.token_count.completion_details.reasoning'],
  cost: ['gen_ai.usage.cost', 'llm.cost.total'],
} as const;

/** The model a span names, if any: a span with one is a model call or wraps model calls. */
export function readSpanModel(attributes: OtlpAttributes): string | undefined {
  return readText(pickAttribute(attributes, keys.model));
}

/**
 * One leaf model-call span as an event. Tokens follow the current spec (`input_tokens` includes
 * cache reads and writes) unless the cache parts exceed it, as older Anthropic instrumentations
 * wrote; prompts and completions (`gen_ai.input.messages`, …) are never copied.
 *
 * @throws FieldProblem naming the attribute at fault.
 */
export function toOtlpEvent(span: OtlpSpan): ImportedEvent {
  const { attributes: attrs, resource } = span;
  const read = (field: keyof typeof keys) => pickAttribute(attrs, keys[field]);
  const count = (field: keyof typeof keys) => readCount(read(field), keys[field][0]);
  const start = readEpochNanos(span.startTimeUnixNano, 'startTimeUnixNano');
  const end = isAbsentTime(span.endTimeUnixNano)
    ? start
    : readEpochNanos(span.endTimeUnixNano, 'endTimeUnixNano');
  if (end < start) throw new FieldProblem('endTimeUnixNano', 'is before startTimeUnixNano');

  const serviceName = readText(resource.get('service.name'));
  const split = splitIncludedInput(count('input') ?? 0, count('cacheRead'), count('cacheWrite'));
  const requestModel = readText(attrs.get('gen_ai.request.model'));
  const model = readSpanModel(attrs) ?? '';
  return {
    provider_id: readText(read('provider')) ?? serviceName ?? 'otel',
    tool: model,
    route: serviceName ?? null,
    ...split,
    tokens_out: count('output') ?? 0,
    duration_ms: nanosToMs(end - start),
    status: isError(span) ? 'error' : 'success',
    cost_estimated_usd: readUsd(read('cost'), keys.cost[0]),
    ts: nanosToInstant(start),
    event_id: `${span.traceId}:${span.spanId}`,
    metadata: compactMetadata({
      trace_id: span.traceId,
      span_id: span.spanId,
      parent_span_id: span.parentSpanId,
      span_name: readText(span.name),
      operation: readText(attrs.get('gen_ai.operation.name')),
      request_model: requestModel === model ? undefined : requestModel,
      response_id: readText(attrs.get('gen_ai.response.id')),
      finish_reasons: attrs.get('gen_ai.response.finish_reasons'),
      input_tokens: count('input'),
      cache_read_tokens: count('cacheRead'),
      cache_write_tokens: count('cacheWrite'),
      reasoning_tokens: count('reasoning'),
      conversation_id: readText(attrs.get('gen_ai.conversation.id')),
      agent_name: readText(attrs.get('gen_ai.agent.name')),
      server_address: readText(attrs.get('server.address')),
      error_type: readText(attrs.get('error.type')),
      status_message: isRecord(span.status) ? readText(span.status['message']) : undefined,
      service_name: serviceName,
      service_version: readText(resource.get('service.version')),
      start_time_unix_nano: String(start),
    }),
  };
}

function isError(span: OtlpSpan): boolean {
  const code = isRecord(span.status) ? span.status['code'] : undefined;
  if (code === 2 || code === '2' || code === 'STATUS_CODE_ERROR') return true;
  return span.attributes.get('error.type') !== undefined;
}

function isAbsentTime(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === '0';
}
