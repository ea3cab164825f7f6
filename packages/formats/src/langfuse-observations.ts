import type { Readable } from 'node:stream';
import type { SourceRecord } from '@finops/store';
import { toSourceRecord } from './imported-event.js';
import { readJsonItems } from './input-items.js';
import { toLangfuseEvent } from './langfuse-event.js';
import { isRecord, readText } from './loose-values.js';
import type { SkipReporter } from './skip-counts.js';

/** Observation types that carry usage and cost: the calls. */
const callTypes = new Set(['GENERATION', 'EMBEDDING']);

/**
 * Events of Langfuse observations: `GET /api/public/observations` pages (`{ data: [...], meta }`,
 * one document or one page per line) or observations one per line. Only generations and
 * embeddings are calls; spans, events, agents, tools… are skipped and counted, and trace rows are
 * skipped too — their totals would count the observations twice.
 */
export async function* readLangfuseRecords(
  input: Readable,
  skip: SkipReporter,
): AsyncGenerator<SourceRecord> {
  for await (const item of readJsonItems(input)) {
    if (item.parseError !== undefined) {
      yield item;
      continue;
    }
    const page = isRecord(item.value) && Array.isArray(item.value['data']);
    const observations = page ? (item.value as { data: unknown[] }).data : [item.value];
    for (const observation of observations) {
      const raw = page ? JSON.stringify(observation) : item.raw;
      const reason = skipReason(observation);
      if (reason === null) {
        yield { line: item.line, raw, parseError: 'expected a Langfuse observation object' };
      } else if (reason !== undefined) {
        skip(reason);
      } else {
        const call = observation as Record<string, unknown>;
        yield toSourceRecord(item.line, raw, () => toLangfuseEvent(call));
      }
    }
  }
}

/** Why an observation is not a call; null for something that is no observation at all. */
function skipReason(observation: unknown): string | null | undefined {
  if (!isRecord(observation)) return null;
  const type = readText(observation['type']);
  if (type === undefined) return 'totalCost' in observation ? 'trace total' : null;
  return callTypes.has(type) ? undefined : `${type} observation`;
}
