/** Cycles in a graph where each node has at most one "next" node (goal parents, owner parents). */

/** Each cycle once, as the list of its nodes starting from its smallest id. */
export function parentCycles(ids: Iterable<string>, parentOf: (id: string) => string | undefined): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (const start of ids) {
    const walk: string[] = [];
    const onWalk = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !done.has(current) && !onWalk.has(current)) {
      onWalk.set(current, walk.length);
      walk.push(current);
      current = parentOf(current);
    }
    if (current !== undefined && onWalk.has(current)) {
      const cycle = walk.slice(onWalk.get(current));
      const first = cycle.indexOf([...cycle].sort()[0]!);
      cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
    }
    walk.forEach((id) => done.add(id));
  }
  return cycles;
}
