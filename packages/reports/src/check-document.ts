import type { CheckResult } from './check-report.js';
import type { ReportStatus } from './status.js';

const marks: Record<ReportStatus, string> = { on_track: '🟢', attention: '🟡', regression: '🔴' };

/**
 * The check as Markdown ready to paste as a pull-request comment: a verdict line, a table per
 * report kind with status marks (pull requests biggest movers first) and the coverage.
 *
 * @example renderCheckMarkdown(result).startsWith('## FinOps check') // true
 */
export function renderCheckMarkdown(result: CheckResult): string {
  const verdict = result.passed
    ? '✅ passed'
    : `❌ failed (${result.failures.length} at or past ${result.fail_on})`;
  const lines = [`## FinOps check: ${verdict}`, ''];

  lines.push('### Sprint reports', '');
  lines.push(
    ...table(
      ['Status', 'Sprint', 'Period', 'Cost (USD)', 'Previous (USD)', 'Δ cost', 'Runs'],
      ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
      result.sprints.map((r) => [
        `${marks[r.status]} ${r.status}`,
        r.id,
        `${r.period_start} – ${r.period_end}`,
        money(r.total_cost_usd),
        r.previous_cost_usd === null ? '—' : money(r.previous_cost_usd),
        signedPercent(r.cost_delta),
        String(r.run_count),
      ]),
      'No sprint has runs in the window.',
    ),
    '',
  );

  lines.push('### Pull-request reports', '');
  lines.push(
    ...table(
      ['Status', 'Route', 'Owner', 'Change (USD)', 'Δ cost', 'Δ tokens', 'Last run'],
      ['left', 'left', 'left', 'right', 'right', 'right', 'left'],
      result.pull_requests.map((r) => [
        `${marks[r.status]} ${r.status}`,
        r.title,
        r.owner,
        signedMoney(r.cost_change_usd),
        signedPercent(r.cost_delta),
        signedInteger(r.tokens_impact),
        r.merged_at ?? '—',
      ]),
      'No route has runs in the window.',
    ),
    '',
  );

  lines.push('### Coverage', '', coverageLine(result), '');
  return `${lines.join('\n')}`;
}

/** The check as plain text for a terminal or a CI log. */
export function renderCheckText(result: CheckResult): string {
  const lines = [`FinOps check ${result.passed ? 'PASSED' : 'FAILED'} (fail on ${result.fail_on})`];
  for (const r of result.sprints) {
    lines.push(
      `  sprint ${r.id} ${r.period_start}..${r.period_end}: ${money(r.total_cost_usd)} USD, ${signedPercent(r.cost_delta)}, ${r.status}`,
    );
  }
  for (const r of result.pull_requests) {
    lines.push(
      `  route ${r.id}: change ${signedMoney(r.cost_change_usd)} USD, ${signedPercent(r.cost_delta)}, ${r.status}`,
    );
  }
  lines.push(`  ${coverageLine(result)}`);
  for (const failure of result.failures)
    lines.push(`  FAIL ${failure.kind} ${failure.id}: ${failure.status}`);
  return `${lines.join('\n')}\n`;
}

function coverageLine(result: CheckResult): string {
  if (result.missing_days.length === 0)
    return 'Every UTC day of the window has events (or no window was given).';
  const required = result.require_coverage ? ' (coverage is required: this fails the check)' : '';
  return `Days without events: ${result.missing_days.join(', ')}${required}`;
}

function table(
  head: string[],
  align: ('left' | 'right')[],
  rows: string[][],
  empty: string,
): string[] {
  if (rows.length === 0) return [empty];
  const rule = align.map((side) => (side === 'right' ? '---:' : '---'));
  return [head, rule, ...rows.map((row) => row.map(escapeCell))].map(
    (cells) => `| ${cells.join(' | ')} |`,
  );
}

/** Pipes and line breaks inside a cell would break the table. */
function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');
}

function money(value: number): string {
  return value.toFixed(Math.abs(value) < 0.01 && value !== 0 ? 6 : 2);
}

function signedMoney(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${money(Math.abs(value))}`;
}

function signedPercent(ratio: number): string {
  return `${ratio > 0 ? '+' : ratio < 0 ? '−' : '±'}${(Math.abs(ratio) * 100).toFixed(1)}%`;
}

function signedInteger(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value)}`;
}
