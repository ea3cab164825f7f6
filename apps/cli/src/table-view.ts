import Table from 'cli-table3';

/** How one column of a terminal table shows its value. */
export interface Column<T> {
  header: string;
  value: (item: T) => unknown;
  kind?: 'text' | 'number' | 'money' | 'delta' | 'ratio';
}

/**
 * Renders items as an aligned table: numbers right-aligned, money with a `$`, deltas as signed
 * percentages. No items gives a one-line notice instead of an empty frame.
 */
export function renderTable<T>(
  items: readonly T[],
  columns: readonly Column<T>[],
  empty = 'No results.',
): string {
  if (items.length === 0) return `${empty}\n`;

  const table = new Table({
    head: columns.map((column) => column.header),
    style: { head: [], border: [] },
  });
  for (const item of items) {
    table.push(
      columns.map((column) => ({
        content: formatCell(column.value(item), column.kind ?? 'text'),
        hAlign: (column.kind ?? 'text') === 'text' ? ('left' as const) : ('right' as const),
      })),
    );
  }
  return `${table.toString()}\n`;
}

function formatCell(value: unknown, kind: NonNullable<Column<unknown>['kind']>): string {
  if (value === null || value === undefined) return kind === 'text' ? '' : '—';
  if (typeof value !== 'number') return String(value);

  switch (kind) {
    case 'money':
      return formatMoney(value);
    case 'delta':
      return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${(Math.abs(value) * 100).toFixed(1)}%`;
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'number':
      return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
    default:
      return String(value);
  }
}

/** `$151.45`, `$0.000207`, `−$3.20`: two decimals, more only when the amount needs them. */
export function formatMoney(value: number): string {
  const sign = value < 0 ? '−' : '';
  const amount = Math.abs(value);
  const text = amount.toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  });
  return `${sign}$${text}`;
}
