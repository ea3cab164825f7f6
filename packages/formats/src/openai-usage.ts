import type { Readable } from 'node:stream';
import type { SourceRecord } from '@finops/store';
import { toSourceRecord } from './imported-event.js';
import { readJsonOrCsvItems } from './input-items.js';
import { isAbsent, isRecord } from './loose-values.js';
import { toOpenAiAggregate } from './openai-usage-event.js';
import type { SkipReporter } from './skip-counts.js';

const TIME_COLUMNS = new Set(['start_time', 'end_time', 'start_time_iso', 'end_time_iso']);

/**
 * Aggregate events of OpenAI's organization usage and costs: Admin API pages (`/usage/*`,
 * `/costs`: `{ object: "page", data: [buckets] }`, a document or a page per line) and the
 * dashboard's usage and cost CSV exports. Each bucket × group becomes one event marked
 * `metadata.aggregate = true` with its `request_count`; empty buckets are skipped and counted.
 */
export async function* readOpenAiUsageRecords(
  input: Readable,
  skip: SkipReporter,
): AsyncGenerator<SourceRecord> {
  for await (const item of readJsonOrCsvItems(input)) {
    if (item.parseError !== undefined) {
      yield item;
      continue;
    }
    const value = item.value;
    if (!isRecord(value)) {
      yield { ...item, parseError: 'expected an OpenAI usage page, bucket or CSV row' };
      continue;
    }
    if (!('data' in value) && !('results' in value) && !('result' in value)) {
      // A CSV row carries its bucket's times and one group's numbers.
      if (isEmptyRow(value)) skip('empty bucket');
      else yield toSourceRecord(item.line, item.raw, () => toOpenAiAggregate(value, value));
      continue;
    }
    const buckets = Array.isArray(value['data']) ? value['data'] : [value];
    for (const bucket of buckets.filter(isRecord)) {
      const results = bucket['results'] ?? bucket['result'];
      const list = Array.isArray(results) ? results.filter(isRecord) : [];
      if (list.length === 0) skip('empty bucket');
      for (const result of list) {
        yield toSourceRecord(item.line, JSON.stringify(result), () =>
          toOpenAiAggregate(result, bucket),
        );
      }
    }
  }
}

function isEmptyRow(row: Record<string, unknown>): boolean {
  return Object.entries(row).every(([column, cell]) => TIME_COLUMNS.has(column) || isAbsent(cell));
}
