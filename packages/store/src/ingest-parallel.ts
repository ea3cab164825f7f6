import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { unpackEvents } from './event-columns.js';
import { StoreError } from './errors.js';
import type { PreparedBatch } from './ingest-prepare.js';
import { checkedBatchSize, prepareContext, storePrepared } from './ingest-records.js';
import type { IngestOptions, IngestResult } from './ingest-result.js';
import type { WorkerMessage, WorkerTask } from './ingest-worker-protocol.js';
import type { TelemetryStore } from './telemetry-store.js';

/** The built worker, next to this module in `dist/` (absent when running from sources). */
const workerUrl = new URL('./ingest-worker.js', import.meta.url);

/** Files from this size up are parsed in a worker unless the options say otherwise. */
export const PARSING_WORKER_MIN_BYTES = 4 * 1024 * 1024;

/** Whether a file of `bytes` is parsed in a worker thread under these options. */
export function usesParsingWorker(options: IngestOptions, bytes: number): boolean {
  const wanted = options.parseInWorker ?? bytes >= PARSING_WORKER_MIN_BYTES;
  return wanted && workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));
}

/**
 * Ingests one file with its parsing (JSON, normalization, identity hashing) on a worker thread
 * while this thread writes: the two halves of ingestion overlap, on two cores.
 *
 * @throws StoreError `STORE_SOURCE_UNREADABLE` when the file cannot be read; `STORE_INVALID_INPUT`,
 *   `STORE_QUERY_FAILED` as `ingestRecords`.
 */
export async function ingestFileInWorker(
  store: TelemetryStore,
  path: string,
  options: IngestOptions,
  bytesTotal: number,
  inThisThread: () => Promise<IngestResult>,
): Promise<IngestResult> {
  const batchSize = checkedBatchSize(options);
  const task: WorkerTask = { path, context: prepareContext(options), batchSize };
  let bytesRead = 0;
  async function* prepared(): AsyncGenerator<PreparedBatch> {
    for await (const message of workerBatches(task)) {
      bytesRead = message.bytesRead;
      yield message.batch;
    }
  }
  try {
    return await storePrepared(store, prepared(), options, {
      batchSize,
      bytesTotal,
      bytesRead: () => bytesRead,
    });
  } catch (error) {
    // A worker that could not start has read nothing: parse on this thread instead.
    if (error instanceof WorkerDidNotStart) return inThisThread();
    throw error;
  }
}

/** The worker failed before it sent anything (a runtime without worker support, say). */
class WorkerDidNotStart extends Error {}

/** The batches a worker prepares from `task`, acknowledged one by one as they are taken. */
async function* workerBatches(
  task: WorkerTask,
): AsyncGenerator<{ batch: PreparedBatch; bytesRead: number }> {
  // No inherited Node flags: the worker is a plain module, and flags meant for the main program
  // (`--input-type`, loaders) can keep it from starting.
  let worker: Worker;
  try {
    worker = new Worker(workerUrl, { workerData: task, execArgv: [] });
  } catch {
    // Workers refused outright (a permission model without worker access, say).
    throw new WorkerDidNotStart();
  }
  let started = false;
  const messages: WorkerMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: WorkerMessage) => {
    messages.push(message);
    notify();
  });
  worker.on('error', (error: Error) => {
    failure = error;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });

  try {
    for (;;) {
      while (messages.length === 0) {
        if ((failure || exited) && !started) throw new WorkerDidNotStart();
        if (failure) throw unreadable(task.path, (failure as Error).message);
        if (exited) throw unreadable(task.path, 'the parsing worker stopped before the end');
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = messages.shift() as WorkerMessage;
      started = true;
      if (message.type === 'done') return;
      if (message.type === 'error') throw unreadable(task.path, message.message);
      const batch = {
        events: unpackEvents(message.columns),
        rejections: message.rejections,
        rejectedAfter: message.rejectedAfter,
      };
      yield { batch, bytesRead: message.bytesRead };
      worker.postMessage('ack');
    }
  } finally {
    await worker.terminate();
  }
}

function unreadable(path: string, reason: string): StoreError {
  return new StoreError('STORE_SOURCE_UNREADABLE', `cannot read ${path}: ${reason}`, {
    field: 'path',
  });
}
