import type { EventColumns } from './event-columns.js';
import type { PrepareContext } from './ingest-prepare.js';
import type { IngestRejection } from './ingest-result.js';

/** What the writing thread asks of a parsing worker. */
export interface WorkerTask {
  path: string;
  context: PrepareContext;
  batchSize: number;
}

/** What a parsing worker sends back; the writer answers each batch with an acknowledgement. */
export type WorkerMessage =
  | {
      type: 'batch';
      columns: EventColumns;
      rejections: IngestRejection[];
      rejectedAfter: number[];
      bytesRead: number;
    }
  | { type: 'done' }
  | { type: 'error'; message: string };
