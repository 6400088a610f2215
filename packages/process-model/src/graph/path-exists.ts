import type { ProcessDocument } from '../schema/process.ts';
import { outgoingByShape } from './outgoing.ts';

/**
 * Whether documents leaving `from` can reach `to` along connections. A shape
 * reaches itself. Stops at the first hit, so it is cheaper than reachableFrom.
 */
export function pathExists(doc: ProcessDocument, from: string, to: string): boolean {
  if (from === to) {
    return true;
  }
  const outgoing = outgoingByShape(doc);
  const seen = new Set<string>([from]);
  const stack = [from];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const c of outgoing.get(id) ?? []) {
      if (c.to.shape === to) {
        return true;
      }
      if (!seen.has(c.to.shape)) {
        seen.add(c.to.shape);
        stack.push(c.to.shape);
      }
    }
  }
  return false;
}
