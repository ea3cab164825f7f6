import type { Readable } from 'node:stream';
import type { SourceRecord } from '@finops/store';
import { readAnthropicUsageRecords } from './anthropic-usage.js';
import { readClaudeCodeRecords } from './claude-code-sessions.js';
import type { FormatName } from './format-names.js';
import { readHeliconeRecords } from './helicone-requests.js';
import { readLangfuseRecords } from './langfuse-observations.js';
import { readLiteLlmRecords } from './litellm-spend-logs.js';
import { readOpenAiUsageRecords } from './openai-usage.js';
import { readOpenRouterRecords } from './openrouter-activity.js';
import { readOtlpRecords } from './otlp-spans.js';
import { createSkipCounter, type SkipCounts, type SkipReporter } from './skip-counts.js';

type FormatReader = (input: Readable, skip: SkipReporter) => AsyncIterable<SourceRecord>;

const readers: Record<FormatName, FormatReader> = {
  otlp: readOtlpRecords,
  litellm: readLiteLlmRecords,
  'claude-code': readClaudeCodeRecords,
  langfuse: readLangfuseRecords,
  openrouter: readOpenRouterRecords,
  helicone: readHeliconeRecords,
  'openai-usage': readOpenAiUsageRecords,
  'anthropic-usage': readAnthropicUsageRecords,
};

/** The records of one input in a known format, and the tally of what it skipped. */
export interface FormatReading {
  format: FormatName;
  /** Records in our event shape, for `ingestRecords` of `@finops/store`. */
  records: AsyncIterable<SourceRecord>;
  /** Filled while `records` is read: complete once it has been read to the end. */
  skipped: SkipCounts;
}

/**
 * Reads an input of a known format as the store's source records: each call in our event shape
 * (`value`), or a `parseError` naming what was wrong, so `ingestRecords` validates, deduplicates,
 * prices and stores them. Lines and records that are not calls are counted in `skipped`.
 *
 * @example
 * const reading = readFormatRecords('claude-code', createReadStream('session.jsonl'));
 * const result = await ingestRecords(store, reading.records, { source: 'session.jsonl' });
 * reading.skipped; // { 'claude-code: user line': 3 }
 */
export function readFormatRecords(format: FormatName, input: Readable): FormatReading {
  const { skipped, skip } = createSkipCounter(format);
  return { format, records: readers[format](input, skip), skipped };
}
