import { stripVTControlCharacters } from 'node:util';
import { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { note, type CommandIo } from '../io.js';
import { withStore, type StoreOptions } from '../store-session.js';
import { toolVersion } from '../version.js';

/** `finops serve`: the HTTP API on loopback until SIGINT or SIGTERM. */
export function serveCommand(io: CommandIo): Command {
  return new Command('serve')
    .description('serve the HTTP API (POST /api/v1/telemetry/events needs FINOPS_API_TOKEN)')
    .option('--db <path>', 'database file')
    .option('--providers <file>', 'providers manifest (JSON)')
    .option('--port <n>', 'TCP port', '8787')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (flags: StoreOptions & { port: string; host: string }) => {
      const port = Number(flags.port);
      if (!/^\d+$/.test(flags.port) || port > 65_535)
        throw new CliError(`--port must be a whole number 0-65535, got "${flags.port}"`);

      // Loaded on demand so the other commands start without the HTTP stack.
      const { createApp, startServer } = await import('@finops/api');
      await withStore(flags, io, async (store, dbPath) => {
        const app = createApp({
          store,
          ingestToken: io.env['FINOPS_API_TOKEN'] || undefined,
          log: (line) => note(io, io.err.isTTY ? line : stripVTControlCharacters(line)),
          onInternalError: (error) =>
            note(io, `internal error: ${(error as Error)?.stack ?? String(error)}`),
          version: toolVersion,
        });
        const server = await startServer(app, { host: flags.host, port }).catch(
          (error: NodeJS.ErrnoException) => {
            throw new CliError(
              `cannot listen on ${flags.host}:${port}: ${error.code ?? error.message}`,
            );
          },
        );
        note(
          io,
          `finops API on http://${server.host}:${server.port} (database ${dbPath}); Ctrl-C stops it`,
        );

        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            note(io, `${signal}: finishing open requests`);
            void server.close().then(resolve);
          };
          process.once('SIGINT', () => stop('SIGINT'));
          process.once('SIGTERM', () => stop('SIGTERM'));
        });
      });
    });
}
