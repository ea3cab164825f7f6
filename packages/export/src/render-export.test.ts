import { describe, expect, it } from 'vitest';
import { collect, countingSource, eventsOf, sampleEvents } from './_test-events.js';
import { renderCsv } from './csv-document.js';
import { isExportError } from './export-error.js';
import type { ExportFormat } from './export-format.js';
import { renderHtml } from './html-document.js';
import { renderJson } from './json-document.js';
import { renderExport } from './render-export.js';

const filters = { route: 'default' };

describe('renderExport', () => {
  it.each([
    ['csv', () => renderCsv(eventsOf(sampleEvents), { bom: true })],
    ['html', () => renderHtml(eventsOf(sampleEvents), { filters })],
    ['json', () => renderJson(eventsOf(sampleEvents))],
  ] as const)('renders %s with that format’s renderer and options', async (format, direct) => {
    const rendered = await collect(
      renderExport(format, eventsOf(sampleEvents), { bom: true, filters }),
    );

    expect(rendered).toBe(await collect(direct()));
  });

  it.each(['html', 'json'] as const)('writes no BOM in %s', async (format) => {
    const rendered = await collect(renderExport(format, eventsOf([]), { bom: true }));

    expect(rendered.startsWith('\uFEFF')).toBe(false);
  });

  it('refuses an unknown format at the call, before reading any row', () => {
    const { rows, state } = countingSource(10);
    let caught: unknown;
    try {
      renderExport('xml' as ExportFormat, rows);
    } catch (error) {
      caught = error;
    }

    expect(isExportError(caught) && [caught.code, caught.parameter]).toEqual([
      'EXPORT_UNKNOWN_FORMAT',
      'format',
    ]);
    expect(state.pulled).toBe(0);
  });

  it.each(['csv', 'html', 'json'] as const)(
    'stops reading rows when the %s consumer stops',
    async (format) => {
      const { rows, state } = countingSource(1000);
      let chunks = 0;
      for await (const _chunk of renderExport(format, rows)) {
        chunks += 1;
        if (chunks === 3) break;
      }

      // Three chunks are the header (CSV, JSON: the first batch) and up to two batches of 256
      // events; HTML writes one chunk per event.
      expect(state.closed).toBe(true);
      expect(state.pulled).toBeLessThanOrEqual(format === 'html' ? 3 : 3 * 256);
    },
  );
});
