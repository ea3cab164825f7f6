import { writeEvidenceBundle } from '@finops/export';
import { generateSampleDataset } from '@finops/fixtures';
import { seedDataset } from '@finops/store';
import { Command } from 'commander';
import { note, print, type CommandIo } from '../io.js';
import { withSnapshot, withStore, type StoreOptions } from '../store-session.js';
import { toolVersion } from '../version.js';
import { defaultEvidenceDir } from './evidence.js';

/**
 * `finops runbook`: the main job end to end — seed the database with the deterministic sample
 * dataset and the sample prices, then write the evidence bundle and say where it is.
 */
export function runbookCommand(io: CommandIo): Command {
  return new Command('runbook')
    .description('seed the sample dataset into the database, then write an evidence bundle')
    .option('--db <path>', 'database file')
    .option('--providers <file>', 'providers manifest (JSON)')
    .option('--out <dir>', 'bundle folder (default: finops-YYYY-MM-DD under the temp directory)')
    .action(async (flags: StoreOptions & { out?: string }) => {
      const dir = flags.out ?? defaultEvidenceDir();
      await withStore(
        flags,
        io,
        async (store, dbPath) => {
          const seeded = await seedDataset(store, generateSampleDataset(), { source: 'sample' });
          note(
            io,
            `seeded ${dbPath}: inserted ${seeded.inserted}, duplicates ${seeded.duplicates}`,
          );
          const manifest = await withSnapshot(store, (view) =>
            writeEvidenceBundle(view, dir, { toolVersion }),
          );
          for (const file of manifest.files) note(io, `  ${file.name}  ${file.bytes} bytes`);
          print(
            io,
            `evidence written to ${dir} (${manifest.row_counts.events} events, database ${dbPath})`,
          );
        },
        'create',
      );
    });
}
