import type { ProcessDocument } from '../schema/process.ts';
import { outgoingByShape } from './outgoing.ts';
import { orderedTargets } from './successors.ts';

/**
 * Every shape ordered so that each comes after all shapes with a connection into
 * it (Kahn's algorithm); ties keep document order. Null when the graph has a loop.
 * Connections to or from missing shapes are ignored.
 */
export function topologicalOrder(doc: ProcessDocument): string[] | null {
  const ids = Object.keys(doc.shapes);
  const indegree = new Map(ids.map((id) => [id, 0]));
  const next = new Map<string, string[]>();
  const outgoing = outgoingByShape(doc);
  for (const id of ids) {
    const targets = orderedTargets(doc, outgoing.get(id) ?? [], id).filter((t) => indegree.has(t));
    next.set(id, targets);
    for (const t of targets) {
      indegree.set(t, (indegree.get(t) ?? 0) + 1);
    }
  }
  const ready = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  // `ready` is consumed front to back; an index avoids Array.shift's O(n).
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i] as string;
    order.push(id);
    for (const t of next.get(id) ?? []) {
      const left = (indegree.get(t) ?? 0) - 1;
      indegree.set(t, left);
      if (left === 0) {
        ready.push(t);
      }
    }
  }
  return order.length === ids.length ? order : null;
}
