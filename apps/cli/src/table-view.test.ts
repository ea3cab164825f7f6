import { describe, expect, it } from 'vitest';
import { formatMoney, renderTable } from './table-view.js';

describe('formatMoney', () => {
  it.each([
    [151.45, '$151.45'],
    [162.68, '$162.68'],
    [7.5, '$7.50'],
    [0, '$0.00'],
    [0.015, '$0.015'],
    [0.0025, '$0.0025'],
    [0.000207, '$0.000207'],
    [-4.83, '−$4.83'],
    [1234567.5, '$1,234,567.50'],
  ])('shows %d as %s', (value, text) => {
    expect(formatMoney(value)).toBe(text);
  });
});

describe('renderTable', () => {
  it('prints the empty notice instead of an empty frame', () => {
    expect(renderTable([], [{ header: 'A', value: () => 1 }], 'Nothing here.')).toBe(
      'Nothing here.\n',
    );
  });

  it('shows a missing number as an em dash and a missing text as an empty cell', () => {
    const table = renderTable(
      [{ name: null, cost: null }],
      [
        { header: 'Name', value: (row) => row.name },
        { header: 'Cost', value: (row) => row.cost, kind: 'money' },
      ],
    );

    expect(table.split('\n')[3]).toBe('│      │    — │');
  });
});
