import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Package } from '@arethetypeswrong/core';
import { listImportedPackages } from './module-specifiers.js';
import type { PackageManifest } from './workspace.js';

const BUILD_FILE = /\.(c|m)?js$/;
const DECLARATION_FILE = /\.d\.(c|m)?ts$/;

/**
 * Compares what a packed package's `dist` imports with what its manifest declares, and returns
 * one line per mismatch: a `workspace:` range left in the manifest, a build importing a package
 * that is not a dependency, a runtime dependency a build does not import (bundled into it, or
 * unused), and declarations referring to a package whose types a consumer would not get.
 *
 * @param installedDir the package's workspace folder, where its dependencies are installed
 * @example expect(await listDependencyProblems(await readTarball(path), pkgDir)).toEqual([]);
 */
export async function listDependencyProblems(
  pkg: Package,
  installedDir: string,
): Promise<string[]> {
  const root = `/node_modules/${pkg.packageName}/`;
  const manifest = JSON.parse(pkg.readFile(`${root}package.json`)) as PackageManifest;
  const declared = { ...manifest.peerDependencies, ...manifest.dependencies };
  const problems = listUnresolvedRanges(manifest);

  const distFiles = pkg.listFiles(`${root}dist`).map((path) => path.slice(root.length));
  // Each module format must import every runtime dependency somewhere among its files (a
  // package may have several entries, such as a worker that needs only some of them).
  const importedByFormat = new Map<string, Set<string>>();
  for (const file of distFiles.filter((path) => BUILD_FILE.test(path))) {
    const imported = listImportedPackages(pkg.readFile(root + file));
    for (const name of imported.filter((candidate) => !(candidate in declared))) {
      problems.push(`${file} imports "${name}", which is not in dependencies`);
    }
    const format = file.endsWith('.cjs') ? 'CommonJS' : 'ESM';
    const seen = importedByFormat.get(format) ?? new Set<string>();
    for (const name of imported) seen.add(name);
    importedByFormat.set(format, seen);
  }
  for (const [format, imported] of importedByFormat) {
    for (const name of listRuntimeDependencies(manifest).filter((dep) => !imported.has(dep))) {
      problems.push(
        `the ${format} build does not import dependency "${name}": it is bundled or unused`,
      );
    }
  }

  for (const file of distFiles.filter((path) => DECLARATION_FILE.test(path))) {
    for (const name of listImportedPackages(pkg.readFile(root + file))) {
      if (!(name in declared)) {
        problems.push(`${file} refers to "${name}", which is not in dependencies`);
        continue;
      }
      const typesName = typesPackageOf(name);
      if (
        !(typesName in declared) &&
        !(await shipsTypes(join(installedDir, 'node_modules', name)))
      ) {
        problems.push(
          `${file} refers to "${name}", whose types are in "${typesName}": not a dependency`,
        );
      }
    }
  }

  return problems;
}

function listUnresolvedRanges(manifest: PackageManifest): string[] {
  const fields = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;
  return fields.flatMap((field) =>
    Object.entries(manifest[field] ?? {})
      .filter(([, range]) => range.startsWith('workspace:'))
      .map(([name, range]) => `${field}.${name} is still "${range}" in the packed package.json`),
  );
}

function listRuntimeDependencies(manifest: PackageManifest): string[] {
  return Object.keys(manifest.dependencies ?? {}).filter((name) => !name.startsWith('@types/'));
}

/** `@types/better-sqlite3` for `better-sqlite3`, `@types/scope__name` for `@scope/name`. */
function typesPackageOf(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

async function shipsTypes(dir: string): Promise<boolean> {
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
    types?: string;
    typings?: string;
    exports?: unknown;
  };
  if (manifest.types !== undefined || manifest.typings !== undefined) return true;
  if (JSON.stringify(manifest.exports ?? null).includes('"types"')) return true;

  try {
    await access(join(dir, 'index.d.ts'));
    return true;
  } catch {
    return false;
  }
}
