import type { Command } from 'commander';

/** Report filter and window flags, as commander reads them. */
export interface ReportFlags {
  start?: string;
  end?: string;
  providerId?: string;
  lane?: string;
  route?: string;
  windowDays?: string;
  limit?: string;
  locale?: string;
  attentionThreshold?: string;
  regressionThreshold?: string;
  cursor?: string;
}

/** Adds the filter flags (`--start`, `--end`, `--provider-id`, `--lane`, `--route`). */
export function addFilterFlags(command: Command): Command {
  return command
    .option('--start <iso>', 'first instant to include (ISO 8601; no offset means UTC)')
    .option('--end <iso>', 'last instant to include (ISO 8601)')
    .option('--provider-id <id>', 'only this provider')
    .option('--lane <lane>', 'only providers of this lane: economy, balanced or turbo')
    .option('--route <route>', 'only this route ("default" also matches events without one)');
}

/** Adds the report window flags on top of the filter flags. */
export function addReportFlags(command: Command): Command {
  return addFilterFlags(command)
    .option('--window-days <n>', 'days per window, 1-90', '7')
    .option('--limit <n>', 'reports to produce, 1-12 (runs: 1-100)')
    .option('--locale <locale>', 'summary language: pt-BR or en', 'pt-BR')
    .option(
      '--attention-threshold <ratio>',
      'change ratio above which a report needs attention (0.03)',
    )
    .option(
      '--regression-threshold <ratio>',
      'change ratio above which a report is a regression (0.08)',
    );
}

/** The flags as the query-string form the report packages parse (the API's parameter names). */
export function toReportQuery(flags: ReportFlags): Record<string, string | undefined> {
  return {
    start: flags.start,
    end: flags.end,
    provider_id: flags.providerId,
    lane: flags.lane,
    route: flags.route,
    window_days: flags.windowDays,
    limit: flags.limit,
    locale: flags.locale,
    attention_threshold: flags.attentionThreshold,
    regression_threshold: flags.regressionThreshold,
    cursor: flags.cursor,
  };
}
