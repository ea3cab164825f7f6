/**
 * The parsing worker of a file ingestion: reads the file, normalizes its records and computes
 * their identity keys, and hands the prepared events to the writing thread in packed batches.
 * At most a few batches wait for the writer, so memory stays bounded however large the file.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { packEvents } from './event-columns.js';
import { appendPrepared, emptyPrepared, prepareRecords } from './ingest-prepare.js';
import type { WorkerMessage, WorkerTask } from './ingest-worker-protocol.js';
import { readRecordBatches } from './record-reader.js';

const READ_CHUNK_BYTES = 1 << 20;
const MAX_BATCHES_WAITING = 4;

const port = parentPort;
if (!port) throw new Error('the ingest worker runs in a worker thread');

let credits = MAX_BATCHES_WAITING;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits += 1;
  wake?.();
});

async function send(message: WorkerMessage, transfer: ArrayBuffer[] = []): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  port?.postMessage(message, transfer);
}

async function run(task: WorkerTask): Promise<void> {
  const input = createReadStream(task.path, { highWaterMark: READ_CHUNK_BYTES });
  let bytesRead = 0;
  input.on('data', (chunk: Buffer | string) => {
    bytesRead += chunk.length;
  });

  let batch = emptyPrepared();
  const post = async () => {
    const columns = packEvents(batch.events);
    const transfer = [columns.numbers, columns.textIndexes, columns.metadataLengths]
      .map((column) => column.buffer as ArrayBuffer)
      .concat(columns.identities.buffer as ArrayBuffer);
    const { rejections, rejectedAfter } = batch;
    await send({ type: 'batch', columns, rejections, rejectedAfter, bytesRead }, transfer);
    batch = emptyPrepared();
  };

  for await (const records of readRecordBatches(input)) {
    appendPrepared(batch, prepareRecords(records, task.context));
    const { events, rejections } = batch;
    if (events.length >= task.batchSize || rejections.length >= task.batchSize) await post();
  }
  await post();
  port?.postMessage({ type: 'done' } satisfies WorkerMessage);
}

run(workerData as WorkerTask).catch((error: unknown) => {
  port.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
  } satisfies WorkerMessage);
});
