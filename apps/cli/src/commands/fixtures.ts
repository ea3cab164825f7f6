import { compareFixtureFiles, renderFixtureFiles, writeFixtureFiles } from '@finops/fixtures';
import { Command } from 'commander';
import { buildFixtureReports } from '../fixture-documents.js';
import { note, print, type CommandIo } from '../io.js';
import { readJsonFile } from '../store-session.js';

/** `finops fixtures`: writes (or, with --check, verifies) the report fixture files of a dataset. */
export function fixturesCommand(io: CommandIo): Command {
  return new Command('fixtures')
    .description('write finops_sprints.json and finops_pull_requests.json computed from a dataset')
    .requiredOption('--dataset <file>', 'dataset document ({"events": [...]})')
    .requiredOption('--out <dir>', 'directory of the fixture files')
    .option('--window-days <n>', 'days per window, 1-90', '7')
    .option('--check', 'write nothing; exit 1 naming each file in --out that is missing or differs')
    .action(
      async (flags: { dataset: string; out: string; windowDays: string; check?: boolean }) => {
        const reports = await buildFixtureReports(
          readJsonFile(flags.dataset, 'dataset'),
          flags.windowDays,
        );

        if (!flags.check) {
          for (const path of await writeFixtureFiles(flags.out, reports)) {
            print(io, `wrote ${path}`);
          }
          return;
        }

        const problems = await compareFixtureFiles(flags.out, renderFixtureFiles(reports));
        for (const problem of problems) note(io, `${problem.fileName}: ${problem.problem}`);
        if (problems.length > 0) io.exitCode = 1;
        else print(io, `fixtures in ${flags.out} match ${flags.dataset}`);
      },
    );
}
