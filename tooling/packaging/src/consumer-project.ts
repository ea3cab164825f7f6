import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackedPackage } from './pack-packages.js';
import { runCommand, withoutPackageManagerVariables, type CommandOutput } from './run-command.js';

const templateDir = fileURLToPath(new URL('../consumer/', import.meta.url));
const templateFiles = ['package.json', 'tsconfig.json', 'seed-and-export.ts', 'require-smoke.cts'];

/** An npm project outside the workspace with the packed packages installed. */
export interface ConsumerProject {
  dir: string;
  /** Runs a program of the project with its own environment, from its folder. */
  run(command: string, args: readonly string[]): Promise<CommandOutput>;
  /** Runs the TypeScript compiler the project installed from the registry. */
  runTsc(args: readonly string[]): Promise<CommandOutput>;
  /** Runs a compiled script of the project with Node and parses the JSON it prints. */
  runScript<T>(script: string, args?: readonly string[]): Promise<T>;
}

/**
 * Copies the consumer template into `dir` (an empty folder outside the workspace) and installs
 * the tarballs there with npm, together with the `typescript` and `@types/node` versions the
 * workspace uses, from the registry. better-sqlite3 compiles from source during the install.
 *
 * @example const consumer = await createConsumerProject(join(tmpdir(), 'x'), packed);
 */
export async function createConsumerProject(
  dir: string,
  packed: readonly PackedPackage[],
): Promise<ConsumerProject> {
  await mkdir(dir, { recursive: true });
  for (const file of templateFiles) await copyFile(join(templateDir, file), join(dir, file));

  const env = withoutPackageManagerVariables(process.env);
  const run = (command: string, args: readonly string[]) =>
    runCommand(command, args, { cwd: dir, env });
  const tools = workspaceToolVersions().map(({ name, version }) => `${name}@${version}`);
  const flags = ['--save-exact', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
  await run('npm', ['install', ...flags, ...packed.map((pkg) => pkg.tarball), ...tools]);

  const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  return {
    dir,
    run,
    runTsc: (args) => run(process.execPath, [tsc, ...args]),
    runScript: async <T>(script: string, args: readonly string[] = []) => {
      const { stdout } = await run(process.execPath, [script, ...args]);
      return JSON.parse(stdout) as T;
    },
  };
}

/** The exact `typescript` and `@types/node` versions installed in the workspace. */
export function workspaceToolVersions(): { name: string; version: string }[] {
  const require = createRequire(import.meta.url);
  return ['typescript', '@types/node'].map((name) => {
    const manifest = require(`${name}/package.json`) as { version: string };
    return { name, version: manifest.version };
  });
}

/** Where npm took each installed `@finops/*` package from, by its folder in `node_modules`. */
export async function listInstalledFinopsSources(dir: string): Promise<Record<string, string>> {
  const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { resolved?: string; link?: boolean }>;
  };
  const entries = Object.entries(lock.packages).filter(([path]) =>
    /(^|\/)node_modules\/@finops\/[^/]+$/.test(path),
  );
  return Object.fromEntries(entries.map(([path, entry]) => [path, entry.resolved ?? '(linked)']));
}
