import type { Readable } from 'node:stream';
import type { SourceRecord } from '@finops/store';
import { toSourceRecord } from './imported-event.js';
import { readJsonItems } from './input-items.js';
import { isRecord } from './loose-values.js';
import { readAttributes, readSpanId, type OtlpAttributes } from './otlp-attributes.js';
import { readSpanModel, toOtlpEvent, type OtlpSpan } from './otlp-event.js';
import type { SkipReporter } from './skip-counts.js';

interface ModelSpan {
  key: string;
  line: number;
  raw: string;
  span: OtlpSpan;
}

/**
 * Events of OpenTelemetry GenAI spans in OTLP/JSON: a `TracesData` document or JSONL with one per
 * line (the file exporter). Only leaf model calls become events — spans with a model and no model
 * span below them — so an agent span wrapping two model calls yields exactly those two. Spans
 * without `gen_ai.*`/`llm.*` attributes, tool and agent spans without a model, and the wrapping
 * parents are skipped and counted.
 *
 * Model spans are held until the input ends, because a parent and its children may sit in
 * different batches; every other span costs only its id.
 */
export async function* readOtlpRecords(
  input: Readable,
  skip: SkipReporter,
): AsyncGenerator<SourceRecord> {
  const parents = new Map<string, string>();
  const modelSpans: ModelSpan[] = [];

  for await (const item of readJsonItems(input)) {
    if (item.parseError !== undefined) {
      yield item;
      continue;
    }
    const spans = listSpans(item.value);
    if (spans === null) {
      yield { ...item, parseError: 'expected OTLP TracesData with a resourceSpans array' };
      continue;
    }
    for (const { value, resource } of spans) {
      const raw = JSON.stringify(value);
      const span = readSpan(value, resource);
      if (typeof span === 'string') {
        yield { line: item.line, raw, parseError: span };
        continue;
      }
      const key = `${span.traceId}:${span.spanId}`;
      if (span.parentSpanId) parents.set(key, `${span.traceId}:${span.parentSpanId}`);
      const kind = classifySpan(span.attributes);
      if (kind === 'model') modelSpans.push({ key, line: item.line, raw, span });
      else skip(kind);
    }
  }

  const wrapping = ancestorsOf(modelSpans, parents);
  for (const { key, line, raw, span } of modelSpans) {
    if (wrapping.has(key)) skip('parent span of model calls');
    else yield toSourceRecord(line, raw, () => toOtlpEvent(span));
  }
}

/** Every span above a model span: wrapping spans whose usage would count the calls twice. */
function ancestorsOf(modelSpans: ModelSpan[], parents: Map<string, string>): Set<string> {
  const wrapping = new Set<string>();
  for (const { key } of modelSpans) {
    let parent = parents.get(key);
    while (parent !== undefined && !wrapping.has(parent)) {
      wrapping.add(parent);
      parent = parents.get(parent);
    }
  }
  return wrapping;
}

function classifySpan(attributes: OtlpAttributes): 'model' | string {
  const genAi = [...attributes.keys()].some((k) => k.startsWith('gen_ai.') || k.startsWith('llm.'));
  if (!genAi) return 'non-GenAI span';
  if (readSpanModel(attributes) !== undefined) return 'model';
  const operation = attributes.get('gen_ai.operation.name');
  return operation === 'execute_tool' ? 'tool span' : 'GenAI span without a model';
}

function listSpans(value: unknown): { value: unknown; resource: OtlpAttributes }[] | null {
  if (!isRecord(value) || !Array.isArray(value['resourceSpans'])) return null;
  const spans: { value: unknown; resource: OtlpAttributes }[] = [];
  for (const resourceSpans of value['resourceSpans'].filter(isRecord)) {
    const resource = readAttributes(asRecord(resourceSpans['resource'])['attributes']);
    const scopes = resourceSpans['scopeSpans'] ?? resourceSpans['instrumentationLibrarySpans'];
    for (const scope of Array.isArray(scopes) ? scopes.filter(isRecord) : []) {
      const list = Array.isArray(scope['spans']) ? scope['spans'] : [];
      for (const span of list) spans.push({ value: span, resource });
    }
  }
  return spans;
}

function readSpan(value: unknown, resource: OtlpAttributes): OtlpSpan | string {
  if (!isRecord(value)) return 'expected an OTLP span object';
  const traceId = readSpanId(value['traceId'], 16);
  const spanId = readSpanId(value['spanId'], 8);
  if (traceId === undefined) return 'traceId: is required';
  if (spanId === undefined) return 'spanId: is required';
  return {
    traceId,
    spanId,
    parentSpanId: readSpanId(value['parentSpanId'], 8),
    name: value['name'],
    startTimeUnixNano: value['startTimeUnixNano'],
    endTimeUnixNano: value['endTimeUnixNano'],
    status: value['status'],
    attributes: readAttributes(value['attributes']),
    resource,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
