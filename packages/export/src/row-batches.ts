import type { PagedRows } from '@finops/store';

/** Whether `rows` can also be read a page at a time (a store's `iterateEvents` can). */
function hasPages<T>(rows: AsyncIterable<T>): rows is PagedRows<T> {
  return typeof (rows as Partial<PagedRows<T>>).pages === 'function';
}

/**
 * Groups rows into arrays of up to `size`, pulling only as many rows as one batch needs. Renderers
 * turn a batch into one chunk, which keeps per-chunk costs (option handling, stream writes) off
 * the per-row path while memory stays bounded by the batch. Rows that come in pages are taken a
 * page at a time, without a step per row.
 */
export async function* rowBatches<T>(
  rows: AsyncIterable<T>,
  size = 256,
): AsyncGenerator<T[], void, undefined> {
  if (hasPages(rows)) {
    for await (const page of rows.pages()) if (page.length > 0) yield page;
    return;
  }
  let batch: T[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** `rows` as they are, adding each row read to `counted.rowCount`; pages stay pages. */
export function countedRows<T>(
  rows: AsyncIterable<T>,
  counted: { rowCount: number },
): AsyncIterable<T> {
  async function* each() {
    for await (const row of rows) {
      counted.rowCount += 1;
      yield row;
    }
  }
  if (!hasPages(rows)) return { [Symbol.asyncIterator]: each };
  const paged: PagedRows<T> = {
    [Symbol.asyncIterator]: each,
    async *pages() {
      for await (const page of rows.pages()) {
        counted.rowCount += page.length;
        yield page;
      }
    },
  };
  return paged;
}
