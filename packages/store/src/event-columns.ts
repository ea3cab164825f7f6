import type { EventInsert } from './telemetry-store.js';

/**
 * A batch of prepared events laid out in columns, to cross a thread boundary cheaply: numbers in
 * one Float64Array, repeated texts (provider, tool, route…) once in a dictionary, metadata as one
 * text, identity keys in one byte array. Cloning this costs a few copies instead of one object
 * walk per event (which costs as much as preparing the event).
 */
export interface EventColumns {
  count: number;
  sourceFile: string | null;
  ingestedAt: number;
  numbers: Float64Array;
  texts: string[];
  textIndexes: Int32Array;
  metadata: string;
  metadataLengths: Int32Array;
  identities: Uint8Array;
}

const NUMBER_COLUMNS = 8;
const TEXT_COLUMNS = 7;
const KEY_BYTES = 32;
const NO_TEXT = -1;

/** Packs prepared events (all of one source and run, each with its identity key). */
export function packEvents(events: readonly EventInsert[]): EventColumns {
  const count = events.length;
  const numbers = new Float64Array(count * NUMBER_COLUMNS);
  const textIndexes = new Int32Array(count * TEXT_COLUMNS);
  const metadataLengths = new Int32Array(count);
  const identities = new Uint8Array(count * KEY_BYTES);
  const dictionary = new Map<string, number>();
  const texts: string[] = [];
  const metadata: string[] = [];
  const textIndex = (text: string | null | undefined) => {
    if (text === null || text === undefined) return NO_TEXT;
    let index = dictionary.get(text);
    if (index === undefined) {
      index = texts.push(text) - 1;
      dictionary.set(text, index);
    }
    return index;
  };

  events.forEach((event, i) => {
    const n = i * NUMBER_COLUMNS;
    numbers[n] = event.ts;
    numbers[n + 1] = event.tokens_in;
    numbers[n + 2] = event.tokens_out;
    numbers[n + 3] = event.duration_ms;
    numbers[n + 4] = event.cost_estimated_usd ?? Number.NaN;
    numbers[n + 5] = event.cache_read_tokens ?? 0;
    numbers[n + 6] = event.cache_write_tokens ?? 0;
    numbers[n + 7] = event.line_number ?? Number.NaN;
    const t = i * TEXT_COLUMNS;
    textIndexes[t] = textIndex(event.provider_id);
    textIndexes[t + 1] = textIndex(event.tool);
    textIndexes[t + 2] = textIndex(event.route);
    textIndexes[t + 3] = textIndex(event.status);
    textIndexes[t + 4] = textIndex(event.experiment_cohort);
    textIndexes[t + 5] = textIndex(event.experiment_tag);
    textIndexes[t + 6] = textIndex(event.event_id);
    metadata.push(event.metadata);
    metadataLengths[i] = event.metadata.length;
    if (!event.identity) throw new Error(`event ${i} of the batch has no identity key`);
    identities.set(event.identity, i * KEY_BYTES);
  });

  return {
    count,
    sourceFile: events[0]?.source_file ?? null,
    ingestedAt: events[0]?.ingested_at ?? 0,
    numbers,
    texts,
    textIndexes,
    metadata: metadata.join(''),
    metadataLengths,
    identities,
  };
}

/** The events of {@link packEvents}, as they were. */
export function unpackEvents(columns: EventColumns): EventInsert[] {
  const { numbers, textIndexes, texts, identities } = columns;
  const text = (index: number) => (index === NO_TEXT ? null : (texts[index] as string));
  const keys = Buffer.from(identities.buffer, identities.byteOffset, identities.byteLength);
  const events: EventInsert[] = new Array(columns.count);
  let metadataAt = 0;
  for (let i = 0; i < columns.count; i += 1) {
    const n = i * NUMBER_COLUMNS;
    const t = i * TEXT_COLUMNS;
    const metadataEnd = metadataAt + (columns.metadataLengths[i] as number);
    const cost = numbers[n + 4] as number;
    const line = numbers[n + 7] as number;
    events[i] = {
      ts: numbers[n] as number,
      provider_id: text(textIndexes[t] as number) as string,
      tool: text(textIndexes[t + 1] as number) as string,
      route: text(textIndexes[t + 2] as number),
      tokens_in: numbers[n + 1] as number,
      tokens_out: numbers[n + 2] as number,
      duration_ms: numbers[n + 3] as number,
      status: text(textIndexes[t + 3] as number) as string,
      cost_estimated_usd: Number.isNaN(cost) ? null : cost,
      metadata: columns.metadata.slice(metadataAt, metadataEnd),
      experiment_cohort: text(textIndexes[t + 4] as number),
      experiment_tag: text(textIndexes[t + 5] as number),
      event_id: text(textIndexes[t + 6] as number),
      cache_read_tokens: numbers[n + 5] as number,
      cache_write_tokens: numbers[n + 6] as number,
      source_file: columns.sourceFile,
      line_number: Number.isNaN(line) ? null : line,
      ingested_at: columns.ingestedAt,
      identity: keys.subarray(i * KEY_BYTES, (i + 1) * KEY_BYTES),
    };
    metadataAt = metadataEnd;
  }
  return events;
}
