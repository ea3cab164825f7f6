import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles } from './dependency-cycles.js';
import { findBoundaryViolations } from './import-boundaries.js';
import { readImportGraph, readManifestGraph } from './package-graphs.js';
import { readSourceImports, type SourceImport } from './source-imports.js';
import { readWorkspacePackages, workspaceRoot, type WorkspacePackage } from './workspace.js';

const packages = await readWorkspacePackages(['packages', 'apps']);
const imports = await readSourceImports(packages);

describe('the workspace import boundaries', () => {
  it('scans every package and app', () => {
    expect(packages.map((pkg) => pkg.manifest.name).sort()).toEqual([
      '@finops/api',
      '@finops/cli',
      '@finops/export',
      '@finops/fixtures',
      '@finops/formats',
      '@finops/reports',
      '@finops/store',
    ]);
    expect(imports.length).toBeGreaterThan(100);
  });

  it('has no import that leaves its package, reaches into a sibling or breaks the layers', () => {
    expect(findBoundaryViolations(packages, imports)).toEqual([]);
  });

  it('has no cycle among the @finops packages in package.json', () => {
    expect(findCycles(readManifestGraph(packages))).toEqual([]);
  });

  it('has no cycle among the @finops packages in the imports', () => {
    expect(findCycles(readImportGraph(imports))).toEqual([]);
  });
});

describe('findBoundaryViolations', () => {
  const reports = fakePackage('packages/reports', '@finops/reports', {
    dependencies: { '@finops/store': 'workspace:^' },
    devDependencies: { '@finops/fixtures': 'workspace:^' },
  });
  const store = fakePackage('packages/store', '@finops/store', {});

  const importOf = (pkg: WorkspacePackage, file: string, specifier: string): SourceImport => ({
    from: pkg.manifest.name,
    file: join(pkg.dir, file),
    specifier,
    isTest: file.endsWith('.test.ts'),
  });

  it.each([
    [reports, 'src/a.ts', '../../store/src/index.js', 'the path leaves @finops/reports'],
    [reports, 'src/a.ts', '/srv/store/index.js', 'an absolute path'],
    [reports, 'src/a.ts', '@finops/store/src/index.js', "reaches into @finops/store's files"],
    [reports, 'src/a.ts', '@finops/store/dist/index.js', "reaches into @finops/store's files"],
    [reports, 'src/a.ts', '@finops/fixtures', '@finops/fixtures is not in dependencies'],
    [reports, 'src/a.ts', '@finops/reports', 'the package imports itself'],
    [store, 'src/a.ts', '@finops/reports', '@finops/reports is not in dependencies'],
  ])('reports %s importing %s from %s', (pkg, file, specifier, message) => {
    const [violation] = findBoundaryViolations([reports, store], [importOf(pkg, file, specifier)]);

    expect(violation).toContain(message);
  });

  it('keeps formats between the store and the apps', () => {
    const formats = fakePackage('packages/formats', '@finops/formats', {
      dependencies: { '@finops/store': 'workspace:^', '@finops/export': 'workspace:^' },
      devDependencies: { '@finops/reports': 'workspace:^' },
    });
    const upward = fakePackage('packages/store', '@finops/store', {
      dependencies: { '@finops/formats': 'workspace:^' },
    });

    expect(
      findBoundaryViolations(
        [formats, upward],
        [
          importOf(formats, 'src/a.ts', '@finops/store'),
          importOf(formats, 'src/a.test.ts', '@finops/reports'),
          importOf(formats, 'src/a.ts', '@finops/export'),
          importOf(upward, 'src/a.ts', '@finops/formats'),
        ],
      ),
    ).toEqual([
      [
        "packages/formats/src/a.ts imports '@finops/export':",
        '@finops/formats may not depend on @finops/export (layers)',
      ].join(' '),
      [
        "packages/store/src/a.ts imports '@finops/formats':",
        '@finops/store may not depend on @finops/formats (layers)',
      ].join(' '),
    ]);
  });

  it('reports a declared dependency against the direction of the layers', () => {
    const upward = fakePackage('packages/store', '@finops/store', {
      dependencies: { '@finops/reports': 'workspace:^' },
    });

    expect(
      findBoundaryViolations([upward], [importOf(upward, 'src/a.ts', '@finops/reports')]),
    ).toEqual([
      [
        "packages/store/src/a.ts imports '@finops/reports':",
        '@finops/store may not depend on @finops/reports (layers)',
      ].join(' '),
    ]);
  });

  it.each([
    ['src/a.ts', './sprint-report.js'],
    ['src/commands/a.ts', '../io.js'],
    ['src/a.ts', 'node:fs'],
    ['src/a.ts', 'zod'],
    ['src/a.ts', '@finops/store'],
    ['src/a.test.ts', '@finops/fixtures'],
  ])('accepts %s importing %s', (file, specifier) => {
    expect(findBoundaryViolations([reports, store], [importOf(reports, file, specifier)])).toEqual(
      [],
    );
  });
});

describe('findCycles', () => {
  it('writes each cycle once, from its smallest name', () => {
    const graph = new Map([
      ['c', new Set(['a'])],
      ['a', new Set(['b'])],
      ['b', new Set(['c', 'b'])],
      ['d', new Set(['a'])],
    ]);

    expect(findCycles(graph)).toEqual(['a → b → c → a', 'b → b']);
  });

  it('finds none in a chain', () => {
    expect(
      findCycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set<string>()],
        ]),
      ),
    ).toEqual([]);
  });
});

function fakePackage(
  folder: string,
  name: string,
  dependencies: Partial<WorkspacePackage['manifest']>,
): WorkspacePackage {
  return {
    dir: join(workspaceRoot, folder),
    manifest: { name, version: '0.1.0', ...dependencies },
  };
}
