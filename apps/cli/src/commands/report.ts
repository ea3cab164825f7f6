import {
  loadLaneCostReport,
  loadParetoReport,
  loadPullRequestReports,
  loadRunsPage,
  loadSprintReports,
  loadTimeseriesReport,
  parseFilterQuery,
  parseReportQuery,
  parseRunsQuery,
  renderReportJson,
  toReportDocument,
} from '@finops/reports';
import type { TelemetryStore } from '@finops/store';
import { Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { print, type CommandIo } from '../io.js';
import { addReportFlags, toReportQuery, type ReportFlags } from '../report-query.js';
import * as views from '../report-views.js';
import { withStore, type StoreOptions } from '../store-session.js';
import { renderTable, type Column } from '../table-view.js';

type Query = Record<string, string | undefined>;

interface ReportKind {
  load(store: TelemetryStore, query: Query): Promise<{ body: object; items: readonly unknown[] }>;
  columns: Column<never>[];
}

const listed = (load: (store: TelemetryStore, query: Query) => Promise<readonly unknown[]>) =>
  async (store: TelemetryStore, query: Query) => {
    const items = await load(store, query);
    return { body: toReportDocument(items), items };
  };

/** Every report the command can print, by name. */
export const reportKinds: Record<string, ReportKind> = {
  sprints: { load: listed((s, q) => loadSprintReports(s, parseReportQuery(q))), columns: views.sprintColumns as Column<never>[] },
  'pull-requests': {
    load: listed((s, q) => loadPullRequestReports(s, parseReportQuery(q))),
    columns: views.pullRequestColumns as Column<never>[],
  },
  timeseries: { load: listed((s, q) => loadTimeseriesReport(s, parseFilterQuery(q))), columns: views.timeseriesColumns as Column<never>[] },
  pareto: { load: listed((s, q) => loadParetoReport(s, parseFilterQuery(q))), columns: views.paretoColumns as Column<never>[] },
  'lane-costs': { load: listed((s, q) => loadLaneCostReport(s, parseFilterQuery(q))), columns: views.laneCostColumns as Column<never>[] },
  runs: {
    load: async (s, q) => {
      const page = await loadRunsPage(s, parseRunsQuery(q));
      return { body: page, items: page.items };
    },
    columns: views.runColumns as Column<never>[],
  },
};

/** `finops report <kind>`: prints a report as the API's JSON body or as a table. */
export function reportCommand(io: CommandIo): Command {
  const command = new Command('report')
    .description(`print a report: ${Object.keys(reportKinds).join(', ')}`)
    .argument('<kind>', 'which report')
    .option('--db <path>', 'database file')
    .option('--providers <file>', 'providers manifest (JSON)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('json'))
    .option('--cursor <cursor>', 'runs only: next_cursor of the previous page');
  addReportFlags(command);

  return command.action(async (kind: string, flags: ReportFlags & StoreOptions & { format: string }) => {
    const report = reportKinds[kind];
    if (!report) {
      throw new CliError(`unknown report "${kind}": expected one of ${Object.keys(reportKinds).join(', ')}`);
    }
    const query = toReportQuery(flags);
    if (kind !== 'runs') delete query['cursor'];

    await withStore(flags, io, async (store) => {
      const { body, items } = await report.load(store, query);
      print(io, flags.format === 'table' ? renderTable(items as never[], report.columns) : renderReportJson(body));
    });
  });
}
