import {
  parseReportQuery,
  renderCheckMarkdown,
  renderCheckText,
  renderReportJson,
  runCheck,
} from '@finops/reports';
import { Command, Option } from 'commander';
import { loadCheckConfig } from '../check-config.js';
import { print, type CommandIo } from '../io.js';
import { addReportFlags, toReportQuery, type ReportFlags } from '../report-query.js';
import { withStore, type StoreOptions } from '../store-session.js';

interface CheckFlags extends ReportFlags, StoreOptions {
  failOn?: 'attention' | 'regression';
  format: 'text' | 'markdown' | 'json';
  requireCoverage?: boolean;
  config?: string;
}

/** `finops check`: the regression gate for CI — exit 1 when a report is at or past --fail-on. */
export function checkCommand(io: CommandIo): Command {
  const command = new Command('check')
    .description('compute sprint and pull-request reports and fail (exit 1) on a cost regression')
    .option('--db <path>', 'database file')
    .option('--providers <file>', 'providers manifest (JSON)')
    .addOption(
      new Option('--fail-on <level>', 'fail at or past this status (default regression)').choices([
        'attention',
        'regression',
      ]),
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'markdown', 'json'])
        .default('text'),
    )
    .option('--require-coverage', 'fail when a UTC day between --start and --end has no events')
    .option(
      '--config <file>',
      'JSON settings (fail_on, require_coverage, thresholds, window_days, limit, locale); default finops.config.json when present',
    );
  addReportFlags(command);
  // Defaults come from the config file, so the window flags must not carry their own.
  command.options
    .filter((o) => o.long === '--window-days' || o.long === '--locale')
    .forEach((o) => (o.defaultValue = undefined));

  return command.action(async (flags: CheckFlags) => {
    const config = loadCheckConfig(flags.config);
    const text = (value: number | string | undefined) =>
      value === undefined ? undefined : String(value);
    const query = toReportQuery(flags);
    const params = parseReportQuery({
      ...query,
      window_days: query['window_days'] ?? text(config.window_days),
      limit: query['limit'] ?? text(config.limit),
      locale: query['locale'] ?? config.locale,
      attention_threshold: query['attention_threshold'] ?? text(config.attention_threshold),
      regression_threshold: query['regression_threshold'] ?? text(config.regression_threshold),
    });
    const options = {
      failOn: flags.failOn ?? config.fail_on ?? 'regression',
      requireCoverage: flags.requireCoverage ?? config.require_coverage ?? false,
    };

    const result = await withStore(flags, io, (store) => runCheck(store, params, options));
    if (flags.format === 'json') print(io, renderReportJson(result));
    else
      print(
        io,
        flags.format === 'markdown' ? renderCheckMarkdown(result) : renderCheckText(result),
      );
    if (!result.passed) io.exitCode = 1;
  });
}
