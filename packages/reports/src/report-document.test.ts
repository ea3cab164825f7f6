import { describe, expect, it } from 'vitest';
import { renderReportJson, toReportDocument } from './report-document.js';

describe('toReportDocument', () => {
  it('wraps items in an items document', () => {
    expect(toReportDocument([{ id: 'a' }])).toEqual({ items: [{ id: 'a' }] });
    expect(toReportDocument([])).toEqual({ items: [] });
  });
});

describe('renderReportJson', () => {
  it('renders two-space JSON with a trailing newline', () => {
    const body = toReportDocument([
      { id: 'sprint-2025-43-1', cost_delta: -0.069031, previous: null },
    ]);

    expect(renderReportJson(body)).toBe(
      '{\n  "items": [\n    {\n      "id": "sprint-2025-43-1",\n      "cost_delta": -0.069031,\n' +
        '      "previous": null\n    }\n  ]\n}\n',
    );
  });

  it('renders an empty document as items []', () => {
    expect(renderReportJson(toReportDocument([]))).toBe('{\n  "items": []\n}\n');
  });
});
