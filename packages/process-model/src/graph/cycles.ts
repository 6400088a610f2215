import type { ProcessDocument } from '../schema/process.ts';

/**
 * Shapes that lie on a loop: members of a strongly connected component with more
 * than one shape, or with a connection to itself. One iterative Tarjan pass over
 * integer indices, O(shapes + connections), without recursion so long chains
 * cannot overflow the stack (validation runs on 5,000-shape files in benchmarks).
 */
export function shapesOnCycles(doc: ProcessDocument): Set<string> {
  const ids = Object.keys(doc.shapes);
  const n = ids.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    indexOf.set(ids[i] as string, i);
  }
  // Adjacency in compressed rows: targets of shape i are edges[start[i] .. start[i+1]).
  const count = new Int32Array(n + 1);
  const pairs: number[] = [];
  let selfLoop = false;
  const selfLoops = new Uint8Array(n);
  for (const c of doc.connections) {
    const from = indexOf.get(c.from.shape);
    const to = indexOf.get(c.to.shape);
    if (from === undefined || to === undefined) {
      continue;
    }
    if (from === to) {
      selfLoops[from] = 1;
      selfLoop = true;
    }
    pairs.push(from, to);
    count[from + 1] = (count[from + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) {
    count[i + 1] = (count[i + 1] as number) + (count[i] as number);
  }
  const start = count.slice();
  const fill = count.slice(0, n);
  const edges = new Int32Array(pairs.length / 2);
  for (let k = 0; k < pairs.length; k += 2) {
    const from = pairs[k] as number;
    edges[fill[from] as number] = pairs[k + 1] as number;
    fill[from] = (fill[from] as number) + 1;
  }

  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const next = new Int32Array(n);
  const stack: number[] = [];
  const work: number[] = [];
  const onCycle = new Set<string>();
  let counter = 0;
  const visit = (v: number) => {
    index[v] = counter;
    low[v] = counter;
    counter++;
    next[v] = start[v] as number;
    stack.push(v);
    onStack[v] = 1;
    work.push(v);
  };
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) {
      continue;
    }
    visit(root);
    while (work.length > 0) {
      const v = work[work.length - 1] as number;
      if ((next[v] as number) < (start[v + 1] as number)) {
        const w = edges[next[v] as number] as number;
        next[v] = (next[v] as number) + 1;
        if (index[w] === -1) {
          visit(w);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, index[w] as number);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low[parent] = Math.min(low[parent] as number, low[v] as number);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let member: number | undefined;
        do {
          member = stack.pop();
          if (member !== undefined) {
            onStack[member] = 0;
            component.push(member);
          }
        } while (member !== undefined && member !== v);
        if (component.length > 1 || (selfLoop && selfLoops[v])) {
          for (const m of component) {
            onCycle.add(ids[m] as string);
          }
        }
      }
    }
  }
  return onCycle;
}
