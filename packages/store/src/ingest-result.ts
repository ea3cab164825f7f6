/** One refused line or element, with enough context to fix and re-ingest it. */
export interface IngestRejection {
  /** File path, `-` for standard input, or the label the caller gave. */
  source: string;
  /** 1-based line of a JSONL input, or 1-based element position of a JSON document. */
  line: number;
  /** The field at fault, or null when the record as a whole is (bad JSON, not an object). */
  field: string | null;
  reason: string;
  /** The raw text of the line or element. */
  raw: string;
}

/** Totals of an ingestion run. */
export interface IngestResult {
  inserted: number;
  duplicates: number;
  rejected: number;
  /** Every rejection, unless the caller took them through `onReject`. */
  rejections: IngestRejection[];
}

/** Progress of an ingestion run, reported after each stored batch. */
export interface IngestProgress {
  source: string;
  records: number;
  bytesRead: number;
  /** Size of the input when known (a file), else null. */
  bytesTotal: number | null;
  inserted: number;
  duplicates: number;
  rejected: number;
}

/** Options shared by every ingestion entry point. */
export interface IngestOptions {
  /** Provenance label; a file path by default, `-` for standard input. */
  source?: string;
  /** Provider of records that have none. */
  providerId?: string;
  /** Events per write transaction (default 2,000). */
  batchSize?: number;
  /** Receives each rejection as it happens; rejections are then not kept in the result. */
  onReject?: (rejection: IngestRejection) => void;
  onProgress?: (progress: IngestProgress) => void;
  /** Clock for `ingested_at` (epoch ms); `Date.now` by default. */
  now?: () => number;
  /**
   * Parse files on a worker thread while this one writes. Default: for files of 4 MiB or more.
   * Takes effect only in the built package (the worker is a file of `dist/`).
   */
  parseInWorker?: boolean;
}

/** A record as read from a source, before normalization. */
export interface SourceRecord {
  line: number;
  raw: string;
  /** Parsed JSON value, absent when the text did not parse. */
  value?: unknown;
  parseError?: string;
  /** Status of records without one: dataset documents default to `success`. */
  defaultStatus?: string;
}

/** An empty result to accumulate into. */
export function emptyIngestResult(): IngestResult {
  return { inserted: 0, duplicates: 0, rejected: 0, rejections: [] };
}

/** Adds the totals and rejections of `part` to `total`. */
export function mergeIngestResults(total: IngestResult, part: IngestResult): IngestResult {
  return {
    inserted: total.inserted + part.inserted,
    duplicates: total.duplicates + part.duplicates,
    rejected: total.rejected + part.rejected,
    rejections: total.rejections.concat(part.rejections),
  };
}
