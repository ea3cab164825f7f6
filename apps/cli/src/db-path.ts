import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The database path: `--db`, else `FINOPS_DB_PATH`, else `CONSOLE_MCP_DB_PATH`, else
 * `~/.mcp/console.db`.
 */
export function resolveDbPath(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return (
    option ||
    env['FINOPS_DB_PATH'] ||
    env['CONSOLE_MCP_DB_PATH'] ||
    join(homedir(), '.mcp', 'console.db')
  );
}
