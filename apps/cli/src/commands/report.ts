import {
  isReportKind,
  loadReport,
  renderReportJson,
  reportKinds,
  type ReportKind,
} from '@finops/reports';
import { Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { print, type CommandIo } from '../io.js';
import { addReportFlags, toReportQuery, type ReportFlags } from '../report-query.js';
import * as views from '../report-views.js';
import { withStore, type StoreOptions } from '../store-session.js';
import { renderTable, type Column } from '../table-view.js';

/** How each report shows as a terminal table. */
const columnsOf: Record<ReportKind, Column<never>[]> = {
  sprints: views.sprintColumns as Column<never>[],
  'pull-requests': views.pullRequestColumns as Column<never>[],
  timeseries: views.timeseriesColumns as Column<never>[],
  pareto: views.paretoColumns as Column<never>[],
  'lane-costs': views.laneCostColumns as Column<never>[],
  runs: views.runColumns as Column<never>[],
};

/** `finops report <kind>`: prints a report as the API's JSON body or as a table. */
export function reportCommand(io: CommandIo): Command {
  const command = new Command('report')
    .description(`print a report: ${reportKinds.join(', ')}`)
    .argument('<kind>', 'which report')
    .option('--db <path>', 'database file')
    .option('--providers <file>', 'providers manifest (JSON)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'table']).default('json'),
    )
    .option('--cursor <cursor>', 'runs only: next_cursor of the previous page');
  addReportFlags(command);

  return command.action(
    async (kind: string, flags: ReportFlags & StoreOptions & { format: string }) => {
      if (!isReportKind(kind)) {
        throw new CliError(`unknown report "${kind}": expected one of ${reportKinds.join(', ')}`);
      }
      const query = toReportQuery(flags);
      if (kind !== 'runs') delete query['cursor'];

      await withStore(flags, io, async (store) => {
        const body = await loadReport(kind, store, query);
        print(
          io,
          flags.format === 'table'
            ? renderTable(body.items as never[], columnsOf[kind])
            : renderReportJson(body),
        );
      });
    },
  );
}
