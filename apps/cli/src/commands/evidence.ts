import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyEvidenceBundle, writeEvidenceBundle } from '@finops/export';
import { formatDay, openStore } from '@finops/store';
import { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { note, print, type CommandIo } from '../io.js';
import { addReportFlags, toReportQuery, type ReportFlags } from '../report-query.js';
import { withSnapshot, withStore, type StoreOptions } from '../store-session.js';
import { toolVersion } from '../version.js';

/** The runbook's default evidence folder: `finops-YYYY-MM-DD` under the system temp directory. */
export function defaultEvidenceDir(now: number = Date.now()): string {
  return join(tmpdir(), `finops-${formatDay(now)}`);
}

/** `finops evidence [--out DIR]` and `finops evidence verify DIR [--db PATH]`. */
export function evidenceCommand(io: CommandIo): Command {
  const evidence = new Command('evidence')
    .description(
      'write the audit evidence bundle: report documents, exports and a manifest of SHA-256 digests',
    )
    .option('--out <dir>', 'bundle folder (default: finops-YYYY-MM-DD under the temp directory)')
    .option('--db <path>', 'database file')
    .option('--providers <file>', 'providers manifest (JSON)')
    .enablePositionalOptions();
  addReportFlags(evidence);

  evidence.action(async (flags: ReportFlags & StoreOptions & { out?: string }) => {
    const dir = flags.out ?? defaultEvidenceDir();
    // Every document of the bundle comes from one snapshot, even while another process ingests.
    const manifest = await withStore(flags, io, (store) =>
      withSnapshot(store, (view) =>
        writeEvidenceBundle(view, dir, { query: toReportQuery(flags), toolVersion }),
      ),
    );
    for (const file of manifest.files)
      note(io, `  ${file.name}  ${file.bytes} bytes  sha256 ${file.sha256}`);
    print(io, `evidence written to ${dir} (${manifest.row_counts.events} events)`);
  });

  evidence
    .command('verify')
    .description('check every file against manifest.json; with --db also regenerate every document')
    .argument('<dir>', 'bundle folder')
    .option(
      '--db <path>',
      'database the bundle was made from; its documents must match byte for byte',
    )
    .option('--providers <file>', 'providers manifest (JSON)')
    .action(async (dir: string, flags: StoreOptions) => {
      if (flags.db && !existsSync(flags.db)) throw new CliError(`no database at ${flags.db}`);
      const store = flags.db ? openStore(flags.db) : undefined;
      try {
        const result = store
          ? await withSnapshot(store, (view) => verifyEvidenceBundle(dir, view))
          : await verifyEvidenceBundle(dir);
        for (const problem of result.problems)
          note(io, `${problem.file}: ${problem.problem}: ${problem.detail}`);
        if (!result.ok) {
          io.exitCode = 1;
          print(
            io,
            `evidence in ${dir} does NOT verify (${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'})`,
          );
          return;
        }
        print(
          io,
          `evidence in ${dir} verifies: ${result.checked.length} files${store ? ', regenerated from the database' : ''}`,
        );
      } finally {
        await store?.close();
      }
    });

  return evidence;
}
