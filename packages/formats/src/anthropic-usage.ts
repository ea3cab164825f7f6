import type { Readable } from 'node:stream';
import type { SourceRecord } from '@finops/store';
import { toAnthropicAggregate } from './anthropic-usage-event.js';
import { toSourceRecord } from './imported-event.js';
import { readJsonItems } from './input-items.js';
import { isRecord } from './loose-values.js';
import type { SkipReporter } from './skip-counts.js';

/**
 * Aggregate events of Anthropic's Admin API usage report (`/usage_report/messages`) and cost
 * report (`/cost_report`): pages `{ data: [buckets], has_more, next_page }`, a document or one
 * page or bucket per line. Each bucket × group becomes one event marked `metadata.aggregate`;
 * empty buckets are skipped and counted.
 */
export async function* readAnthropicUsageRecords(
  input: Readable,
  skip: SkipReporter,
): AsyncGenerator<SourceRecord> {
  for await (const item of readJsonItems(input)) {
    if (item.parseError !== undefined) {
      yield item;
      continue;
    }
    const value = item.value;
    const buckets = isRecord(value) && Array.isArray(value['data']) ? value['data'] : [value];
    for (const bucket of buckets) {
      if (!isRecord(bucket) || !Array.isArray(bucket['results'])) {
        yield { ...item, parseError: 'expected an Anthropic report bucket with a results array' };
        continue;
      }
      const results = bucket['results'].filter(isRecord);
      if (results.length === 0) skip('empty bucket');
      for (const result of results) {
        yield toSourceRecord(item.line, JSON.stringify(result), () =>
          toAnthropicAggregate(result, bucket),
        );
      }
    }
  }
}
