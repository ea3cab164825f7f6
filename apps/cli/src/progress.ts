import cliProgress from 'cli-progress';
import type { IngestProgress } from '@finops/store';
import type { CommandIo } from './io.js';

const SHOW_AFTER_MS = 400;

/**
 * A progress bar on stderr that appears only for inputs that take more than a moment and only on
 * a terminal, so pipes and logs stay clean.
 */
export function createIngestProgress(io: CommandIo, now: () => number = Date.now) {
  const startedAt = now();
  let bar: cliProgress.SingleBar | null = null;

  return {
    update(progress: IngestProgress): void {
      if (!io.err.isTTY || now() - startedAt < SHOW_AFTER_MS) return;
      const total = progress.bytesTotal ?? 0;
      const payload = { records: progress.records, source: progress.source };
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream: io.err as NodeJS.WritableStream,
            format:
              total > 0
                ? '{source} [{bar}] {percentage}% | {records} records | {eta_formatted} left'
                : '{source} | {records} records',
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total || 1, 0, payload);
      }
      bar.update(total > 0 ? progress.bytesRead : 0, payload);
    },
    stop(): void {
      bar?.stop();
      bar = null;
    },
  };
}
