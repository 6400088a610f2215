import type { ProcessDocument } from '../schema/process.ts';
import { outgoingByShape } from './outgoing.ts';

/** Every shape reachable from `start` following connections, `start` included. */
export function reachableFrom(doc: ProcessDocument, start: string): Set<string> {
  const outgoing = outgoingByShape(doc);
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const c of outgoing.get(id) ?? []) {
      if (!seen.has(c.to.shape)) {
        seen.add(c.to.shape);
        stack.push(c.to.shape);
      }
    }
  }
  return seen;
}
