import { ExportError } from './export-error.js';

/** What a writer needs to know about its destination while it streams into it. */
export interface DestinationWatch {
  /** Throws the destination's failure, if it has errored or closed. */
  assertOpen(): void;
  /** Resolves on `drain`; rejects when the destination errors or closes first. */
  drained(): Promise<void>;
  /** Resolves on `finish` (after `end()`); rejects when the destination errors or closes first. */
  finished(): Promise<void>;
  /** Removes every listener this watch added. */
  dispose(): void;
}

type Waiter = { event: 'drain' | 'finish'; resolve: () => void; reject: (error: Error) => void };

/**
 * Listens to a writable stream's `error` and `close` so a writer stops as soon as the other side
 * goes away, and turns the waits for `drain` and `finish` into promises that cannot hang.
 *
 * @throws {ExportError} `EXPORT_WRITE_FAILED` from `assertOpen`, `drained` and `finished` once
 *   the destination has errored, closed early, or was already ended or destroyed.
 */
export function watchDestination(destination: NodeJS.WritableStream): DestinationWatch {
  let failure: ExportError | null = initialFailure(destination);
  let waiter: Waiter | null = null;

  const fail = (error: ExportError): void => {
    failure ??= error;
    waiter?.reject(failure);
    waiter = null;
  };
  const onError = (cause: unknown): void => {
    const reason = cause instanceof Error ? cause.message : String(cause);
    fail(writeFailed(`the destination failed: ${reason}`, cause));
  };
  const onClose = (): void => fail(writeFailed('the destination closed before the end'));
  const onEvent = (event: Waiter['event']) => (): void => {
    if (waiter?.event !== event) return;
    waiter.resolve();
    waiter = null;
  };
  const onDrain = onEvent('drain');
  const onFinish = onEvent('finish');

  destination.on('error', onError);
  destination.on('close', onClose);
  destination.on('drain', onDrain);
  destination.on('finish', onFinish);

  const wait = (event: Waiter['event']): Promise<void> =>
    new Promise((resolve, reject) => {
      if (failure) reject(failure);
      else waiter = { event, resolve, reject };
    });

  return {
    assertOpen() {
      if (failure) throw failure;
    },
    drained: () => wait('drain'),
    finished: () => (isFinished(destination) ? Promise.resolve() : wait('finish')),
    dispose() {
      destination.off('error', onError);
      destination.off('close', onClose);
      destination.off('drain', onDrain);
      destination.off('finish', onFinish);
    },
  };
}

function initialFailure(destination: NodeJS.WritableStream): ExportError | null {
  const state = destination as { destroyed?: boolean; writableEnded?: boolean };
  if (state.destroyed === true) return writeFailed('the destination was already destroyed');
  if (state.writableEnded === true) return writeFailed('the destination was already ended');
  return null;
}

function isFinished(destination: NodeJS.WritableStream): boolean {
  return (destination as { writableFinished?: boolean }).writableFinished === true;
}

function writeFailed(reason: string, cause?: unknown): ExportError {
  return new ExportError('EXPORT_WRITE_FAILED', `Export write failed: ${reason}.`, { cause });
}
