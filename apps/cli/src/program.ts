import { Command } from 'commander';
import { checkCommand } from './commands/check.js';
import { evidenceCommand } from './commands/evidence.js';
import { exportCommand } from './commands/export.js';
import { fixturesCommand } from './commands/fixtures.js';
import { ingestCommand } from './commands/ingest.js';
import { pricesCommand } from './commands/prices.js';
import { reportCommand } from './commands/report.js';
import { runbookCommand } from './commands/runbook.js';
import { seedCommand } from './commands/seed.js';
import { serveCommand } from './commands/serve.js';
import type { CommandIo } from './io.js';
import { toolVersion } from './version.js';

const exitCodes = `
Exit codes:
  0  success
  1  the command could not run (bad flag or input, unreadable file, database error),
     or \`check\` found a report at or past --fail-on
  3  ingest/seed stored the good records but refused some (see the rejects file)

Database: --db, else FINOPS_DB_PATH, else CONSOLE_MCP_DB_PATH, else ~/.mcp/console.db.`;

/** Builds the `finops` command tree; output goes through `io` so tests can capture it. */
export function buildProgram(io: CommandIo): Command {
  const program = new Command('finops')
    .description(
      'FinOps telemetry toolkit: ingest LLM/tool call events, report costs, export evidence',
    )
    .version(toolVersion)
    .addHelpText('after', exitCodes)
    // Flags after a subcommand's name belong to it (`evidence verify DIR --db X`).
    .enablePositionalOptions();

  const commands = [
    runbookCommand(io),
    seedCommand(io),
    ingestCommand(io),
    pricesCommand(io),
    reportCommand(io),
    exportCommand(io),
    fixturesCommand(io),
    evidenceCommand(io),
    checkCommand(io),
    serveCommand(io),
  ];
  for (const command of commands) program.addCommand(command.addHelpText('after', exitCodes));
  applyToAll(program, (command) =>
    command.exitOverride().configureOutput({
      writeOut: (text) => io.out.write(text),
      writeErr: (text) => io.err.write(text),
      // Usage errors read like every other failure: one line, prefixed, with where to look.
      outputError: (text, write) =>
        write(`finops: ${text.trim().replace(/^error: /, '')} (see finops --help)\n`),
    }),
  );
  return program;
}

/** Commander copies settings only to subcommands made after them: apply them to the whole tree. */
function applyToAll(command: Command, apply: (command: Command) => void): void {
  apply(command);
  for (const child of command.commands) applyToAll(child, apply);
}
