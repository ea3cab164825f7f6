import { readFile } from 'node:fs/promises';
import {
  checkPackage,
  createPackageFromTarballData,
  type CheckResult,
  type Package,
} from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';

/**
 * Reads a packed tarball into memory as "are the types wrong" sees it: files under
 * `/node_modules/<name>/`.
 */
export async function readTarball(tarball: string): Promise<Package> {
  return createPackageFromTarballData(new Uint8Array(await readFile(tarball)));
}

/**
 * Checks with "are the types wrong" that every entry point resolves to matching types under
 * each module resolution (node10, node16 from CommonJS and from ESM, bundler), and returns each
 * problem as one line naming its kind, entry point and resolution. Empty means clean.
 *
 * @example expect(await listTypeResolutionProblems(await readTarball(path))).toEqual([]);
 */
export async function listTypeResolutionProblems(pkg: Package): Promise<string[]> {
  const result: CheckResult = await checkPackage(pkg);
  if (!result.types) return [`${pkg.packageName} ships no types`];

  return result.problems.map((problem) => {
    const { kind, ...details } = problem;
    const where = Object.entries(details)
      .filter(([, value]) => typeof value === 'string')
      .map(([key, value]) => `${key} ${String(value)}`);
    return `${kind} (${problemKindInfo[kind].title}): ${where.join(', ')}`;
  });
}
