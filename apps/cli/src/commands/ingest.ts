import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import {
  emptyIngestResult,
  ingestPath,
  ingestStream,
  mergeIngestResults,
  type IngestRejection,
  type IngestResult,
} from '@finops/store';
import { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { note, print, type CommandIo } from '../io.js';
import { createIngestProgress } from '../progress.js';
import { withStore, type StoreOptions } from '../store-session.js';

const SHOWN_REJECTIONS = 10;

interface IngestFlags extends StoreOptions {
  providerId?: string;
  rejects?: string;
}

/** `finops ingest`: loads JSONL/JSON files, logs directories or standard input. */
export function ingestCommand(io: CommandIo): Command {
  return new Command('ingest')
    .description('ingest telemetry: JSONL/NDJSON, JSON arrays, dataset documents, logs directories or - (stdin)')
    .argument('<paths...>', 'files, <root>/<provider_id>/*.jsonl directories, or - for standard input')
    .option('--db <path>', 'database file')
    .option('--providers <file>', 'providers manifest (JSON)')
    .option('--provider-id <id>', 'provider of records that have none')
    .option('--rejects <file>', 'write refused records here (JSONL: source, line, field, reason, raw); fix `raw` and ingest the file again')
    .action(async (paths: string[], flags: IngestFlags) => {
      const rejects = flags.rejects ? openRejectsFile(flags.rejects) : null;
      const shown: IngestRejection[] = [];
      const onReject = (rejection: IngestRejection) => {
        if (rejects) rejects.write(`${JSON.stringify(rejection)}\n`);
        else if (shown.length < SHOWN_REJECTIONS) shown.push(rejection);
      };

      const progress = createIngestProgress(io);
      let total: IngestResult = emptyIngestResult();
      try {
        await withStore(flags, io, async (store) => {
          for (const path of paths) {
            const options = { providerId: flags.providerId, onReject, onProgress: progress.update };
            const part =
              path === '-'
                ? await ingestStream(store, process.stdin, { ...options, source: '-' })
                : await ingestPath(store, path, options);
            total = mergeIngestResults(total, part);
          }
        }, 'create');
      } finally {
        progress.stop();
        if (rejects) await closeStream(rejects);
      }

      print(io, `inserted ${total.inserted}, duplicates ${total.duplicates}, rejected ${total.rejected}`);
      reportRejections(io, total.rejected, shown, flags.rejects);
      if (total.rejected > 0) io.exitCode = 3;
    });
}

function reportRejections(io: CommandIo, count: number, shown: IngestRejection[], rejectsPath?: string): void {
  if (count === 0) return;
  if (rejectsPath) {
    note(io, `${count} refused records written to ${rejectsPath}`);
    return;
  }
  for (const r of shown) note(io, `${r.source}:${r.line}: ${r.field ?? 'record'}: ${r.reason}`);
  if (count > shown.length) note(io, `… ${count - shown.length} more; use --rejects FILE to keep every refused record`);
}

/** Opens the rejects file before ingesting, so an unwritable path fails in one line and stores nothing. */
function openRejectsFile(path: string): WriteStream {
  try {
    return createWriteStream(path, { fd: openSync(path, 'w') });
  } catch (error) {
    throw new CliError(`cannot write --rejects ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
