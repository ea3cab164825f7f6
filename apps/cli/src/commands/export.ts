import { createWriteStream, type WriteStream } from 'node:fs';
import { isExportError, parseExportFormat, writeExport } from '@finops/export';
import { parseFilterQuery, resolveEventFilter } from '@finops/reports';
import { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { resolveDbPath } from '../db-path.js';
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
        const destination = flags.out ? await openOutput(flags.out) : io.out;
        const result = await writeExport(format, store.iterateEvents(filter), destination, {
          bom: flags.bom === true,
          filters: filter,
          end: Boolean(flags.out),
        }).catch((error: unknown) => {
          // A reader that stops early (`| head`) closes standard output: stop quietly, like cat.
          if (!flags.out && isClosedPipe(error)) return null;
          throw error;
        });
        if (!result) return;
        if (flags.out) io.err.write(`wrote ${result.rowCount} events to ${flags.out}\n`);
      });
    },
  );
}

/** Opens the --out file before any row is read, so a bad path fails with the path and reason. */
function openOutput(path: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(path);
    stream.once('open', () => resolve(stream));
    stream.once('error', (error: NodeJS.ErrnoException) =>
      reject(new CliError(`cannot write --out ${path}: ${error.code ?? error.message}`)),
    );
  });
}

function isClosedPipe(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return (
    isExportError(error) &&
    error.code === 'EXPORT_WRITE_FAILED' &&
    (cause === undefined || cause?.code === 'EPIPE')
  );
}
