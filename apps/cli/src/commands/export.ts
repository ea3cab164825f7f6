import {
  createWriteStream,
  existsSync,
  renameSync,
  rmSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isExportError, parseExportFormat, writeExport } from '@finops/export';
import { parseFilterQuery, resolveEventFilter } from '@finops/reports';
import { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { resolveDbPath } from '../db-path.js';
import { whileInterruptible } from '../interrupt.js';
import type { CommandIo } from '../io.js';
import { assertWritableOutput, databaseFiles } from '../output-guard.js';
import { addFilterFlags, toReportQuery, type ReportFlags } from '../report-query.js';
import { withStore, type StoreOptions } from '../store-session.js';

/** `finops export`: the filtered events as CSV, HTML or JSON, to stdout or a file. */
export function exportCommand(io: CommandIo): Command {
  const command = new Command('export')
    .description('export events as CSV, HTML or JSON')
    .requiredOption('--format <format>', 'csv, html or json')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--bom', 'CSV only: start with a UTF-8 byte order mark')
    .option('--db <path>', 'database file')
    .option('--providers <file>', 'providers manifest (JSON)');
  addFilterFlags(command);

  return command.action(
    async (flags: ReportFlags & StoreOptions & { format: string; out?: string; bom?: boolean }) => {
      const format = parseExportFormat(flags.format);
      const params = parseFilterQuery(toReportQuery(flags));

      if (flags.out) {
        const dbFiles = databaseFiles(resolveDbPath(flags.db, io.env));
        assertWritableOutput('--out', flags.out, dbFiles, 'the export');
      }
      await withStore(flags, io, async (store) => {
        const filter = await resolveEventFilter(store, params);
        const output = flags.out ? await openOutput(flags.out) : null;
        const write = () =>
          writeExport(format, store.iterateEvents(filter), output?.stream ?? io.out, {
            bom: flags.bom === true,
            filters: filter,
            end: output !== null,
          });
        if (!output) {
          // A reader that stops early (`| head`) closes standard output: stop quietly, like cat.
          await write().catch((error: unknown) => {
            if (!isClosedPipe(error)) throw error;
          });
          return;
        }
        const result = await whileInterruptible(output.discard, write).catch((error: unknown) => {
          output.discard();
          throw error;
        });
        output.keep();
        io.err.write(`wrote ${result.rowCount} events to ${flags.out}\n`);
      });
    },
  );
}

/**
 * An export file being written: the rows go to a temporary file beside `path`, which replaces
 * `path` only once complete, so a failed or interrupted export leaves an existing file as it was.
 */
interface OutputFile {
  stream: WriteStream;
  /** Puts the finished file in place. */
  keep(): void;
  /** Removes the temporary file. */
  discard(): void;
}

/** Opens the --out file's temporary twin before any row is read, so a bad path fails at once. */
async function openOutput(path: string): Promise<OutputFile> {
  const cannotWrite = (error: NodeJS.ErrnoException) =>
    new CliError(`cannot write --out ${path}: ${error.code ?? error.message}`);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw cannotWrite(Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  const stream = await new Promise<WriteStream>((resolve, reject) => {
    const opened = createWriteStream(temporary);
    opened.once('open', () => resolve(opened));
    opened.once('error', (error: NodeJS.ErrnoException) => reject(cannotWrite(error)));
  });
  return {
    stream,
    keep() {
      try {
        renameSync(temporary, path);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw cannotWrite(error as NodeJS.ErrnoException);
      }
    },
    discard() {
      stream.destroy();
      rmSync(temporary, { force: true });
    },
  };
}

function isClosedPipe(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return (
    isExportError(error) &&
    error.code === 'EXPORT_WRITE_FAILED' &&
    (cause === undefined || cause?.code === 'EPIPE')
  );
}
