import { addEdge, type DependencyGraph } from './dependency-cycles.js';
import { packageNameOf } from './module-specifiers.js';
import type { SourceImport } from './source-imports.js';
import { listInternalDependencies, type WorkspacePackage } from './workspace.js';

/**
 * The `@finops/*` graph the manifests declare, every kind of dependency included.
 *
 * @example readManifestGraph(packages).get('@finops/reports') // Set { '@finops/store' }
 */
export function readManifestGraph(packages: readonly WorkspacePackage[]): DependencyGraph {
  const graph = new Map<string, Set<string>>();
  for (const pkg of packages) {
    graph.set(pkg.manifest.name, new Set());
    for (const name of listInternalDependencies(pkg.manifest))
      addEdge(graph, pkg.manifest.name, name);
  }
  return graph;
}

/**
 * The `@finops/*` graph the sources actually import, tests included.
 *
 * @example readImportGraph(imports).get('@finops/reports') // Set { '@finops/store' }
 */
export function readImportGraph(imports: readonly SourceImport[]): DependencyGraph {
  const graph = new Map<string, Set<string>>();
  for (const entry of imports) {
    if (!graph.has(entry.from)) graph.set(entry.from, new Set());
    if (!entry.specifier.startsWith('@finops/')) continue;

    addEdge(graph, entry.from, packageNameOf(entry.specifier));
  }
  return graph;
}
