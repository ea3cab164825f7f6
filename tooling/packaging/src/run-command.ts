import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  cwd: string;
  /** Environment of the child; default: this process's. */
  env?: NodeJS.ProcessEnv;
}

/** What a command printed. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
}

// The tail of a failed command's output is what explains the failure; the head is progress.
const OUTPUT_TAIL_CHARS = 4_000;

/**
 * Runs a program without a shell and resolves with its output once it exits with 0.
 * Rejects with an error naming the command, its folder, its exit code and the end of its output.
 *
 * @example const { stdout } = await runCommand('pnpm', ['--version'], { cwd: workspaceRoot });
 */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<CommandOutput> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout, stderr };
  } catch (error) {
    throw new Error(describeFailure(command, args, options.cwd, error), { cause: error });
  }
}

/**
 * This process's environment without the `npm_*` variables a package manager sets for the
 * script it runs, so a child npm reads only the user's own configuration.
 */
export function withoutPackageManagerVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_')),
  );
}

function describeFailure(command: string, args: readonly string[], cwd: string, error: unknown) {
  const failed = error as Partial<CommandOutput> & { code?: number | string };
  const lines = [
    `\`${[command, ...args].join(' ')}\` failed in ${cwd} (exit code ${failed.code ?? 'unknown'})`,
    tail(failed.stderr),
    tail(failed.stdout),
  ];
  return lines.filter((line) => line !== '').join('\n');
}

function tail(text: string | undefined): string {
  if (text === undefined) return '';
  const trimmed = text.trim();
  return trimmed.length <= OUTPUT_TAIL_CHARS ? trimmed : `…${trimmed.slice(-OUTPUT_TAIL_CHARS)}`;
}
