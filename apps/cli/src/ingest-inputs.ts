import { statSync } from 'node:fs';
import {
  countSkips,
  describeSkips,
  detectFileFormat,
  ingestFormat,
  ingestFormatPath,
  isFormatError,
  mergeSkipCounts,
  sniffFormat,
  type FormatName,
  type SkipCounts,
} from '@finops/formats';
import {
  emptyIngestResult,
  ingestPath,
  ingestStream,
  mergeIngestResults,
  type IngestOptions,
  type IngestResult,
  type TelemetryStore,
} from '@finops/store';
import { CliError } from './cli-error.js';

/** What `--format` takes: an importer's name, or `events` for our own event shape. */
export type InputFormat = FormatName | 'events';

/** The totals of the inputs read in one format. */
export interface FormatTally {
  result: IngestResult;
  skipped: SkipCounts;
}

/**
 * Ingests one path (or `-`) in the given format, else in the format detected from its first
 * record or CSV header; directories without `--format`, paths that cannot be read and inputs of
 * no known format are read as our own events exactly as before.
 */
export async function ingestInput(
  store: TelemetryStore,
  path: string,
  format: InputFormat | undefined,
  options: IngestOptions,
): Promise<{ format: InputFormat } & FormatTally> {
  try {
    if (path === '-') return await ingestStandardInput(store, format, options);
    const chosen =
      format ?? (isFile(path) ? ((await detectFileFormat(path)) ?? 'events') : 'events');
    if (chosen === 'events')
      return { format: chosen, result: await ingestPath(store, path, options), skipped: {} };
    const result = await ingestFormatPath(store, path, { ...options, format: chosen });
    return { format: chosen, result, skipped: result.skipped };
  } catch (error) {
    if (isFormatError(error)) throw new CliError(error.message);
    throw error;
  }
}

async function ingestStandardInput(
  store: TelemetryStore,
  format: InputFormat | undefined,
  options: IngestOptions,
): Promise<{ format: InputFormat } & FormatTally> {
  const sniffed =
    format === undefined ? await sniffFormat(process.stdin) : { format, input: process.stdin };
  const chosen = sniffed.format ?? 'events';
  const stdinOptions = { ...options, source: '-' };
  if (chosen === 'events') {
    return {
      format: chosen,
      result: await ingestStream(store, sniffed.input, stdinOptions),
      skipped: {},
    };
  }
  const result = await ingestFormat(store, sniffed.input, { ...stdinOptions, format: chosen });
  return { format: chosen, result, skipped: result.skipped };
}

/** Adds one input's totals to the tally of its format. */
export function addToTally(
  tallies: Map<InputFormat, FormatTally>,
  format: InputFormat,
  part: FormatTally,
): void {
  const total = tallies.get(format) ?? { result: emptyIngestResult(), skipped: {} };
  tallies.set(format, {
    result: mergeIngestResults(total.result, part.result),
    skipped: mergeSkipCounts(total.skipped, part.skipped),
  });
}

/**
 * The summary line of one format: `inserted N, duplicates N, rejected N` for our own events, and
 * for an imported format its name and the skipped records per reason, e.g. `format claude-code:
 * inserted 2, duplicates 0, rejected 0, skipped 5 (user line 3, summary line 2)`.
 */
export function describeTally(format: InputFormat, { result, skipped }: FormatTally): string {
  const { inserted, duplicates, rejected } = result;
  const counts = `inserted ${inserted}, duplicates ${duplicates}, rejected ${rejected}`;
  if (format === 'events') return counts;
  const skips = countSkips(skipped);
  const reasons = skips > 0 ? ` (${describeSkips(skipped, format)})` : '';
  return `format ${format}: ${counts}, skipped ${skips}${reasons}`;
}

/** Whether a path is a file; a path that cannot be read is left to the store to name. */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
