import { dirname, resolve, sep } from 'node:path';
import { packageNameOf } from './module-specifiers.js';
import { describeFile, type SourceImport } from './source-imports.js';
import type { WorkspacePackage } from './workspace.js';

/**
 * The layers of the workspace, lowest first: a package imports only packages of a lower layer.
 * oracle (the test suites' SPEC §7 answers) and fixtures are leaves; store ← reports ← export ←
 * apps, store ← formats ← apps, and the CLI composes the API. formats needs only the store at
 * run time; it sits above reports so that its tests may run the reports on imported data.
 */
export const layers: readonly string[] = [
  '@finops/oracle',
  '@finops/fixtures',
  '@finops/store',
  '@finops/reports',
  '@finops/formats',
  '@finops/export',
  '@finops/api',
  '@finops/cli',
];

const RUNTIME_KINDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * Checks each import against the boundaries and returns one line per offender: a relative or
 * absolute path that leaves its package, an import of a sibling's files (`@finops/store/src/…`)
 * instead of its name, a sibling the package.json does not declare (tests may use dev
 * dependencies), and an import against the direction of the layers.
 *
 * @example findBoundaryViolations(packages, await readSourceImports(packages)) // []
 */
export function findBoundaryViolations(
  packages: readonly WorkspacePackage[],
  imports: readonly SourceImport[],
): string[] {
  const byName = new Map(packages.map((pkg) => [pkg.manifest.name, pkg]));
  const violations: string[] = [];

  for (const entry of imports) {
    const pkg = byName.get(entry.from);
    if (pkg === undefined) continue;

    const where = `${describeFile(entry.file)} imports '${entry.specifier}'`;
    const isPath = entry.specifier.startsWith('.') || entry.specifier.startsWith('/');
    const problem = isPath ? checkPathImport(pkg, entry) : checkPackageImport(pkg, entry);
    if (problem !== undefined) violations.push(`${where}: ${problem}`);
  }

  return violations;
}

function checkPathImport(pkg: WorkspacePackage, entry: SourceImport): string | undefined {
  if (entry.specifier.startsWith('/')) return 'an absolute path; import a sibling by its name';

  const target = resolve(dirname(entry.file), entry.specifier);
  if (target.startsWith(pkg.dir + sep)) return undefined;
  return `the path leaves ${pkg.manifest.name}; import a sibling by its package name`;
}

function checkPackageImport(pkg: WorkspacePackage, entry: SourceImport): string | undefined {
  const name = packageNameOf(entry.specifier);
  if (!name.startsWith('@finops/')) return undefined;

  if (entry.specifier !== name) return `reaches into ${name}'s files; import '${name}' itself`;
  if (name === pkg.manifest.name) return 'the package imports itself by name';

  const kinds = entry.isTest ? [...RUNTIME_KINDS, 'devDependencies' as const] : RUNTIME_KINDS;
  if (!kinds.some((kind) => name in (pkg.manifest[kind] ?? {}))) {
    return `${name} is not in ${kinds.join(' or ')} of ${pkg.manifest.name}`;
  }

  const from = layers.indexOf(pkg.manifest.name);
  const to = layers.indexOf(name);
  if (from === -1) return `${pkg.manifest.name} has no place in the layers`;
  if (to === -1 || to >= from) return `${pkg.manifest.name} may not depend on ${name} (layers)`;
  return undefined;
}
