import type { ProcessDocument } from '../schema/process.ts';
import { outgoingByShape } from './outgoing.ts';

/**
 * Shapes that lie on a loop: members of a strongly connected component with more
 * than one shape, or with a connection to itself. One iterative Tarjan pass,
 * O(shapes + connections), without recursion so long chains cannot overflow.
 */
export function shapesOnCycles(doc: ProcessDocument): Set<string> {
  const outgoing = outgoingByShape(doc);
  const targetsOf = (id: string) =>
    (outgoing.get(id) ?? []).map((c) => c.to.shape).filter((t) => doc.shapes[t] !== undefined);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const onCycle = new Set<string>();
  let counter = 0;
  for (const root of Object.keys(doc.shapes)) {
    if (index.has(root)) {
      continue;
    }
    const work: { id: string; targets: string[]; next: number }[] = [];
    const visit = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, targets: targetsOf(id), next: 0 });
    };
    visit(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number];
      const target = frame.targets[frame.next++];
      if (target !== undefined) {
        if (!index.has(target)) {
          visit(target);
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) {
        low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member !== undefined) {
            onStack.delete(member);
            component.push(member);
          }
        } while (member !== undefined && member !== frame.id);
        if (component.length > 1 || frame.targets.includes(frame.id)) {
          for (const m of component) {
            onCycle.add(m);
          }
        }
      }
    }
  }
  return onCycle;
}
