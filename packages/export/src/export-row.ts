import { formatInstant, nanosToUsd, type StoredEvent } from '@finops/store';
import { ExportError, quoteReceived } from './export-error.js';

/** The 13 columns of a CSV or HTML export, in document order. */
export const exportColumns = [
  'timestamp',
  'provider_id',
  'tool',
  'route',
  'status',
  'tokens_in',
  'tokens_out',
  'duration_ms',
  'cost_estimated_usd',
  'experiment_cohort',
  'experiment_tag',
  'metadata',
  'source_file',
] as const;

/** The name of one export column. */
export type ExportColumn = (typeof exportColumns)[number];

/** One event as CSV and HTML show it: metadata stays canonical JSON text. */
export interface ExportRow {
  timestamp: string;
  provider_id: string;
  tool: string;
  route: string | null;
  status: string;
  tokens_in: number;
  tokens_out: number;
  duration_ms: number;
  /** Reported cost as given, else the priced cost; null for an unpriced event. */
  cost_estimated_usd: number | null;
  experiment_cohort: string | null;
  experiment_tag: string | null;
  metadata: string;
  source_file: string | null;
}

/** One event as the JSON export writes it: metadata as an object, plus provenance. */
export interface ExportJsonRow extends Omit<ExportRow, 'metadata' | 'source_file'> {
  metadata: Record<string, unknown>;
  source_file: string | null;
  line_number: number | null;
  ingested_at: string;
}

/**
 * Maps a stored event to the export columns. The cost is the producer's own number when it
 * reported one (`9.6` stays `9.6`), else the priced cost rounded to 6 decimals, else null —
 * an unpriced event is never shown as `0`. Throws nothing.
 *
 * @example toExportRow(event).timestamp // '2025-10-21T14:00:00Z'
 */
export function toExportRow(event: StoredEvent): ExportRow {
  const cells = toExportCells(event);
  return Object.fromEntries(
    exportColumns.map((column, i) => [column, cells[i]]),
  ) as unknown as ExportRow;
}

/** The cells of one event in {@link exportColumns} order: {@link toExportRow} without the keys. */
export function toExportCells(event: StoredEvent): ExportRow[ExportColumn][] {
  return [
    formatInstant(event.ts),
    event.provider_id,
    event.tool,
    event.route,
    event.status,
    event.tokens_in,
    event.tokens_out,
    event.duration_ms,
    exportCost(event),
    event.experiment_cohort,
    event.experiment_tag,
    event.metadata,
    event.source_file,
  ];
}

/**
 * Maps a stored event to the object the JSON export writes, keys in document order.
 *
 * @throws {ExportError} `EXPORT_INVALID_ROW` when the stored metadata is not a JSON object.
 */
export function toExportJsonRow(event: StoredEvent): ExportJsonRow {
  const { metadata, source_file, ...columns } = toExportRow(event);

  return {
    ...columns,
    metadata: parseMetadata(event),
    source_file,
    line_number: event.line_number,
    ingested_at: formatInstant(event.ingested_at),
  };
}

function exportCost(event: StoredEvent): number | null {
  if (event.cost_estimated_usd !== null) return event.cost_estimated_usd;
  if (event.cost_nanos === null) return null;
  return nanosToUsd(event.cost_nanos);
}

function parseMetadata(event: StoredEvent): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(event.metadata);
  } catch (cause) {
    throw invalidMetadata(event, cause);
  }

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidMetadata(event);
  }
  return value as Record<string, unknown>;
}

function invalidMetadata(event: StoredEvent, cause?: unknown): ExportError {
  const expected = 'expected a JSON object';
  const received = quoteReceived(event.metadata);
  const message = `Invalid metadata of event ${event.seq}: ${expected}, got ${received}.`;
  return new ExportError('EXPORT_INVALID_ROW', message, { cause });
}
