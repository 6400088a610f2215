import type { ProcessDocument } from '../schema/process.ts';
import { outgoingByShape } from './outgoing.ts';

/**
 * Shapes that lie on a loop. A process has at most 250 shapes, so a search from
 * each shape's successors (O(n·(n+e))) is plenty and easy to trust.
 */
export function shapesOnCycles(doc: ProcessDocument): Set<string> {
  const outgoing = outgoingByShape(doc);
  const onCycle = new Set<string>();
  for (const id of Object.keys(doc.shapes)) {
    const seen = new Set<string>();
    const stack = (outgoing.get(id) ?? []).map((c) => c.to.shape);
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === id) {
        onCycle.add(id);
        break;
      }
      if (!seen.has(next)) {
        seen.add(next);
        for (const c of outgoing.get(next) ?? []) {
          stack.push(c.to.shape);
        }
      }
    }
  }
  return onCycle;
}
