import { closeSync, openSync, writeSync } from 'node:fs';
import { formatNames } from '@finops/formats';
import type { IngestProgress, IngestRejection } from '@finops/store';
import { Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { resolveDbPath } from '../db-path.js';
import {
  addToTally,
  describeTally,
  ingestInput,
  type FormatTally,
  type InputFormat,
} from '../ingest-inputs.js';
import { note, print, type CommandIo } from '../io.js';
import { whileInterruptible } from '../interrupt.js';
import { assertWritableOutput, databaseFiles } from '../output-guard.js';
import { createIngestProgress } from '../progress.js';
import { withStore, type StoreOptions } from '../store-session.js';

const SHOWN_REJECTIONS = 10;

interface IngestFlags extends StoreOptions {
  providerId?: string;
  rejects?: string;
  format?: InputFormat;
}

/**
 * `finops ingest`: loads JSONL/JSON files, logs directories or standard input — our own events, or
 * usage data in a format `@finops/formats` imports, detected or named with `--format`.
 */
export function ingestCommand(io: CommandIo): Command {
  return new Command('ingest')
    .description(
      'ingest telemetry: JSONL/NDJSON, JSON arrays, dataset documents, logs directories or - (stdin); OTLP, LiteLLM, Claude Code, Langfuse, OpenRouter, Helicone and provider usage exports are detected',
    )
    .argument(
      '<paths...>',
      'files, <root>/<provider_id>/*.jsonl directories, or - for standard input',
    )
    .option('--db <path>', 'database file')
    .option('--providers <file>', 'providers manifest (JSON)')
    .option('--provider-id <id>', 'provider of records that have none')
    .option(
      '--rejects <file>',
      'write refused records here (JSONL: source, line, field, reason, raw); fix `raw` and ingest the file again',
    )
    .addOption(
      new Option(
        '--format <name>',
        'input format (default: detected from the first record or CSV header; events = our own)',
      ).choices([...formatNames, 'events']),
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      if (flags.rejects) {
        const inputs = paths
          .filter((path) => path !== '-')
          .map((path) => ({ path, role: 'also an input' }));
        const dbPath = resolveDbPath(flags.db, io.env);
        assertWritableOutput(
          '--rejects',
          flags.rejects,
          [...inputs, ...databaseFiles(dbPath)],
          'the refused records',
        );
      }
      const rejects = flags.rejects ? openRejectsFile(flags.rejects) : null;
      const shown: IngestRejection[] = [];
      const onReject = (rejection: IngestRejection) => {
        if (rejects) rejects.add(rejection);
        else if (shown.length < SHOWN_REJECTIONS) shown.push(rejection);
      };

      const progress = createIngestProgress(io);
      const tallies = new Map<InputFormat, FormatTally>();
      // Refused records reach the file with each stored batch, so an interrupted run's file
      // holds every refusal that came before what was stored.
      const onProgress = (item: IngestProgress) => {
        rejects?.flush();
        progress.update(item);
      };
      const finish = () => {
        progress.stop();
        rejects?.close();
      };
      try {
        await whileInterruptible(finish, () =>
          withStore(
            flags,
            io,
            async (store) => {
              for (const path of paths) {
                const options = { providerId: flags.providerId, onReject, onProgress };
                const { format, ...part } = await ingestInput(store, path, flags.format, options);
                addToTally(tallies, format, part);
              }
            },
            'create',
          ),
        );
      } finally {
        finish();
      }

      for (const [format, tally] of tallies) print(io, describeTally(format, tally));
      const rejected = [...tallies.values()].reduce((sum, { result }) => sum + result.rejected, 0);
      reportRejections(io, rejected, shown, flags.rejects);
      if (rejected > 0) io.exitCode = 3;
    });
}

function reportRejections(
  io: CommandIo,
  count: number,
  shown: IngestRejection[],
  rejectsPath?: string,
): void {
  if (count === 0) return;
  if (rejectsPath) {
    note(io, `${count} refused records written to ${rejectsPath}`);
    return;
  }
  for (const r of shown) note(io, `${r.source}:${r.line}: ${r.field ?? 'record'}: ${r.reason}`);
  if (count > shown.length)
    note(io, `… ${count - shown.length} more; use --rejects FILE to keep every refused record`);
}

/** A rejects file: refusals gather in memory and are written synchronously on `flush`. */
interface RejectsFile {
  add(rejection: IngestRejection): void;
  flush(): void;
  close(): void;
}

/**
 * Opens the rejects file before ingesting, so an unwritable path fails in one line and stores
 * nothing. A write that fails later (a full disk) stops the run in one line: refused records must
 * not vanish.
 */
function openRejectsFile(path: string): RejectsFile {
  const cannotWrite = (error: unknown) =>
    new CliError(
      `cannot write --rejects ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  let fd: number | null;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw cannotWrite(error);
  }
  let lines: string[] = [];
  const flush = () => {
    if (fd === null || lines.length === 0) return;
    const text = lines.join('');
    lines = [];
    try {
      writeSync(fd, text);
    } catch (error) {
      throw new CliError(
        `${cannotWrite(error).message}; the events read before this are stored, and ingesting again adds only the rest`,
      );
    }
  };
  return {
    add: (rejection) => void lines.push(`${JSON.stringify(rejection)}\n`),
    flush,
    close() {
      if (fd === null) return;
      try {
        flush();
      } finally {
        closeSync(fd);
        fd = null;
      }
    },
  };
}
