/**
 * Groups rows into arrays of up to `size`, pulling only as many rows as one batch needs. Renderers
 * turn a batch into one chunk, which keeps per-chunk costs (option handling, stream writes) off
 * the per-row path while memory stays bounded by the batch.
 */
export async function* rowBatches<T>(
  rows: AsyncIterable<T>,
  size = 256,
): AsyncGenerator<T[], void, undefined> {
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
