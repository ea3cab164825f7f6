import { access } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { runCommand } from './run-command.js';
import { workspaceRoot, type WorkspacePackage } from './workspace.js';

/** A package packed the way `pnpm publish` would pack it. */
export interface PackedPackage extends WorkspacePackage {
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** Paths inside the tarball, relative to its `package/` folder. */
  files: string[];
}

// What `pnpm build` leaves in every publishable package; without it a pack would be empty.
const BUILD_OUTPUTS = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts'];

/**
 * Packs each package into `destination` with `pnpm pack`, which rewrites `workspace:` ranges to
 * the versions being published. Fails early, naming the missing files, when a package is not built.
 *
 * @example const packed = await packPackages(await readPublishablePackages(), tmpDir);
 */
export async function packPackages(
  packages: readonly WorkspacePackage[],
  destination: string,
): Promise<PackedPackage[]> {
  await Promise.all(packages.map(assertBuilt));

  return Promise.all(
    packages.map(async (pkg) => {
      const args = ['pack', '--json', '--pack-destination', destination];
      const { stdout } = await runCommand('pnpm', args, { cwd: pkg.dir });
      const report = JSON.parse(stdout) as { filename: string; files: { path: string }[] };
      return { ...pkg, tarball: report.filename, files: report.files.map((file) => file.path) };
    }),
  );
}

async function assertBuilt(pkg: WorkspacePackage): Promise<void> {
  const missing: string[] = [];
  for (const output of BUILD_OUTPUTS) {
    const path = join(pkg.dir, output);
    if (!(await exists(path))) missing.push(relative(workspaceRoot, path));
  }
  if (missing.length === 0) return;

  const expected = 'expected the build outputs; run `pnpm build` first';
  throw new Error(`${pkg.manifest.name} is not built: ${expected}. Missing: ${missing.join(', ')}`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
