/** Edges of a graph of packages: each name to the names it depends on. */
export type DependencyGraph = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Every elementary cycle reachable in a graph, each written from its smallest name and closed
 * (`a → b → a`), sorted and without duplicates. Graphs here have a handful of nodes, so a plain
 * depth-first walk from each node is enough.
 *
 * @example findCycles(new Map([['a', new Set(['b'])], ['b', new Set(['a'])]])) // ['a → b → a']
 */
export function findCycles(graph: DependencyGraph): string[] {
  const cycles = new Set<string>();

  const walk = (start: string, node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) cycles.add(writeCycle([...path, next]));
      else if (!path.includes(next)) walk(start, next, [...path, next]);
    }
  };
  for (const node of graph.keys()) walk(node, node, [node]);

  return [...cycles].sort();
}

/** Adds an edge to a mutable graph. */
export function addEdge(graph: Map<string, Set<string>>, from: string, to: string): void {
  const edges = graph.get(from) ?? new Set<string>();
  edges.add(to);
  graph.set(from, edges);
}

function writeCycle(closed: string[]): string {
  const ring = closed.slice(0, -1);
  const first = ring.indexOf([...ring].sort()[0] as string);
  const rotated = [...ring.slice(first), ...ring.slice(0, first)];
  return [...rotated, rotated[0]].join(' → ');
}
