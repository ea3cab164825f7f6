import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root, with a trailing separator. */
export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The fields of a package.json that the packaging checks read. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** A workspace package: its folder and its manifest. */
export interface WorkspacePackage {
  dir: string;
  manifest: PackageManifest;
}

/**
 * Reads every package in the given workspace folders (`packages`, `apps`), sorted by folder.
 *
 * @example await readWorkspacePackages(['packages']) // fixtures, export, reports, store
 */
export async function readWorkspacePackages(
  folders: readonly string[],
): Promise<WorkspacePackage[]> {
  const found: WorkspacePackage[] = [];
  for (const folder of folders) {
    const entries = await readdir(join(workspaceRoot, folder), { withFileTypes: true });
    for (const entry of entries.filter((candidate) => candidate.isDirectory())) {
      const dir = join(workspaceRoot, folder, entry.name);
      found.push({ dir, manifest: await readManifest(dir) });
    }
  }

  return found.sort((a, b) => a.dir.localeCompare(b.dir));
}

/** The packages under `packages/` that are not private: what gets published. */
export async function readPublishablePackages(): Promise<WorkspacePackage[]> {
  const packages = await readWorkspacePackages(['packages']);
  return packages.filter((pkg) => pkg.manifest.private !== true);
}

/** Reads `package.json` of a package folder. */
export async function readManifest(dir: string): Promise<PackageManifest> {
  const text = await readFile(join(dir, 'package.json'), 'utf8');
  return JSON.parse(text) as PackageManifest;
}

/** Names of the `@finops/*` packages a manifest lists, by kind of dependency. */
export function listInternalDependencies(
  manifest: PackageManifest,
  kinds: readonly DependencyKind[] = dependencyKinds,
): string[] {
  const names = kinds.flatMap((kind) => Object.keys(manifest[kind] ?? {}));
  return [...new Set(names.filter((name) => name.startsWith('@finops/')))].sort();
}

/** The dependency fields of a manifest. */
export const dependencyKinds = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
] as const;

/** One dependency field of a manifest. */
export type DependencyKind = (typeof dependencyKinds)[number];
