import { openStore, type ReportSnapshot, type TelemetryStore } from '@finops/store';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { CliError } from './cli-error.js';
import { resolveDbPath } from './db-path.js';
import type { CommandIo } from './io.js';

/** Options every database command takes. */
export interface StoreOptions {
  db?: string;
  providers?: string;
}

/** How {@link withStore} treats a database file that does not exist yet. */
export type StoreMode = 'create' | 'existing';

/** Opens the store the options point at, runs `work`, and always closes it. */
export async function withStore<T>(
  options: StoreOptions,
  io: CommandIo,
  work: (store: TelemetryStore, dbPath: string) => Promise<T>,
  mode: StoreMode = 'existing',
): Promise<T> {
  const dbPath = resolveDbPath(options.db, io.env);
  if (options.db === '') throw new CliError('--db must name a database file');
  if (mode === 'existing' && (!existsSync(dbPath) || statSync(dbPath).size === 0)) {
    throw new CliError(
      `no database at ${dbPath}: load one with "finops seed" or "finops ingest", or pass --db`,
    );
  }
  const manifestPath = options.providers ?? io.env['FINOPS_PROVIDERS_PATH'];
  const store = openStore(dbPath, {
    providers: manifestPath ? readJsonFile(manifestPath, 'providers') : undefined,
  });
  try {
    return await work(store, dbPath);
  } finally {
    await store.close();
  }
}

/** Runs `work` on a snapshot of the store (one state of the data throughout) and closes it. */
export async function withSnapshot<T>(
  store: TelemetryStore,
  work: (view: ReportSnapshot) => Promise<T>,
): Promise<T> {
  const view = await store.snapshot();
  try {
    return await work(view);
  } finally {
    await view.close();
  }
}

/**
 * Reads and parses a JSON file, failing with a message that names where the path came from: a
 * flag name (`dataset` → `--dataset`) or, for a positional argument, a label such as `<file>`.
 */
export function readJsonFile(path: string, flag: string): unknown {
  const origin = flag.startsWith('<') ? flag : `--${flag}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read ${origin} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`${origin} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}
