import { generateSampleDataset } from '@finops/fixtures';
import { seedDataset } from '@finops/store';
import { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { print, type CommandIo } from '../io.js';
import { readJsonFile, withStore, type StoreOptions } from '../store-session.js';

/** `finops seed`: loads a dataset document (or the built-in sample) and the sample prices. */
export function seedCommand(io: CommandIo): Command {
  return new Command('seed')
    .description('load a dataset document ({"events": [...]}) and the sample price entries')
    .option('--dataset <file>', 'dataset document to load')
    .option('--sample', 'load the built-in deterministic sample dataset instead')
    .option('--db <path>', 'database file')
    .option('--providers <file>', 'providers manifest (JSON)')
    .action(async (flags: StoreOptions & { dataset?: string; sample?: boolean }) => {
      if (!flags.dataset && !flags.sample)
        throw new CliError('seed needs --dataset FILE or --sample');
      if (flags.dataset && flags.sample)
        throw new CliError('give either --dataset or --sample, not both');

      const dataset = flags.dataset
        ? readJsonFile(flags.dataset, 'dataset')
        : generateSampleDataset();
      if (!Array.isArray((dataset as { events?: unknown } | null)?.events)) {
        throw new CliError(
          `--dataset ${flags.dataset} must be a dataset document: {"events": [...]}`,
        );
      }
      const source = flags.dataset ?? 'sample';
      await withStore(
        flags,
        io,
        async (store, dbPath) => {
          const result = await seedDataset(store, dataset, { source });
          print(
            io,
            `seeded ${dbPath}: inserted ${result.inserted}, duplicates ${result.duplicates}, rejected ${result.rejected}`,
          );
          for (const rejection of result.rejections.slice(0, 20)) {
            io.err.write(
              `  element ${rejection.line}: ${rejection.field ?? 'record'} ${rejection.reason}\n`,
            );
          }
          if (result.rejected > 0) io.exitCode = 3;
        },
        'create',
      );
    });
}
