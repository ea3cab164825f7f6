import { describe, expect, it } from 'vitest';
import { sampleEvents } from './_test-events.js';
import { isExportError } from './export-error.js';
import { exportColumns, toExportCells, toExportJsonRow, toExportRow } from './export-row.js';

const [reported, priced, unpriced] = sampleEvents;

describe('toExportRow', () => {
  it('keeps a reported cost as the producer wrote it', () => {
    expect(toExportRow(reported!).cost_estimated_usd).toBe(9.6);
  });

  it('shows the priced cost, rounded to 6 decimals, when none was reported', () => {
    expect(toExportRow(priced!).cost_estimated_usd).toBe(1.234568);
  });

  it('leaves the cost of an unpriced event null, never 0', () => {
    expect(toExportRow(unpriced!).cost_estimated_usd).toBeNull();
  });

  it('renders the instant as UTC, with milliseconds only when non-zero', () => {
    expect(toExportRow(reported!).timestamp).toBe('2025-10-21T14:00:00Z');
    expect(toExportRow(priced!).timestamp).toBe('2025-10-21T14:00:00.123Z');
  });

  it('has exactly the 13 export columns, in document order', () => {
    expect(Object.keys(toExportRow(reported!))).toEqual([...exportColumns]);
  });
});

describe('toExportCells', () => {
  it('gives the cells of a CSV record in column order', () => {
    expect(toExportCells(priced!)).toEqual([
      '2025-10-21T14:00:00.123Z',
      priced!.provider_id,
      priced!.tool,
      priced!.route,
      priced!.status,
      priced!.tokens_in,
      priced!.tokens_out,
      priced!.duration_ms,
      1.234568,
      priced!.experiment_cohort,
      priced!.experiment_tag,
      priced!.metadata,
      priced!.source_file,
    ]);
  });
});

describe('toExportJsonRow', () => {
  it('adds provenance and parses metadata into an object, keys in document order', () => {
    const row = toExportJsonRow(reported!);

    expect(Object.keys(row)).toEqual([...exportColumns, 'line_number', 'ingested_at']);
    expect(row.metadata).toEqual({ consumer: 'atlas', project: 'finops' });
    expect(row.line_number).toBe(3);
    expect(row.ingested_at).toBe('2025-10-22T02:26:40Z');
  });

  it.each(['[1,2]', 'null', '{"a":'])('refuses stored metadata %s', (metadata) => {
    let caught: unknown;
    try {
      toExportJsonRow({ ...reported!, metadata });
    } catch (error) {
      caught = error;
    }

    expect(isExportError(caught) && caught.code).toBe('EXPORT_INVALID_ROW');
    expect((caught as Error).message).toBe(
      `Invalid metadata of event 1: expected a JSON object, got ${JSON.stringify(metadata)}.`,
    );
  });
});
