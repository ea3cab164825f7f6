import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { runCli } from './run-cli.js';

/** The reference dataset of the replaced system, read in place (never copied into the repo). */
export const referenceDatasetPath = fileURLToPath(
  new URL('../../../../shared/data/finops_events.json', import.meta.url),
);

/** The built entry point, `finops` as users run it. */
export const cliEntry = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** The runbook window of SPEC §7, as CLI flags. */
export const runbookFlags = [
  '--start',
  '2025-10-08T00:00:00Z',
  '--end',
  '2025-10-21T23:59:59Z',
  '--window-days',
  '7',
];

/** The same window as API query parameters. */
export const runbookQuery = {
  start: '2025-10-08T00:00:00Z',
  end: '2025-10-21T23:59:59Z',
  window_days: '7',
};

/** What a run of the CLI printed and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A writable stream that keeps everything written to it as text. */
export class TextSink extends Writable {
  text = '';

  override _write(
    chunk: Buffer | string,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void,
  ): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs `finops <argv>` in this process with captured streams and an environment of our own. */
export async function runFinops(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  const out = new TextSink();
  const err = new TextSink();
  const code = await runCli(argv, { out, err, env, exitCode: 0 });
  return { code, stdout: out.text, stderr: err.text };
}

/** What a spawned `finops` process printed, its exit code and the signal that ended it. */
export interface SpawnedRun extends CliRun {
  signal: NodeJS.Signals | null;
}

/**
 * Runs the built `node dist/cli.js <args>` as a child process, feeding `input` to its stdin, and
 * kills it after `timeoutMs` so a hung child cannot outlive the test.
 */
export function spawnFinops(
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<SpawnedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry, ...args], {
      env: { PATH: process.env['PATH'], ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Builds the workspace when the CLI entry is missing (`pnpm test` builds before vitest). */
export function ensureCliBuilt(): void {
  if (existsSync(cliEntry)) return;
  execFileSync('pnpm', ['build'], { cwd: repoRoot, stdio: 'ignore', timeout: 170_000 });
}

/**
 * A temporary directory for the tests of the calling `describe`: made (mkdtemp) before them and
 * removed after them, so merely collecting the tests touches no disk.
 */
export function useTempDir(prefix: string): { readonly dir: string } {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `finops-cli-${prefix}-`));
  });
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      if (dir === undefined) throw new Error('the temporary directory exists only while tests run');
      return dir;
    },
  };
}

/** Seeds the reference dataset and the sample prices into a new database file. */
export async function seedReferenceDatabase(dbPath: string): Promise<void> {
  const run = await runFinops(['seed', '--dataset', referenceDatasetPath, '--db', dbPath]);
  if (run.code !== 0) throw new Error(`seeding ${dbPath} failed: ${run.stderr}`);
}
