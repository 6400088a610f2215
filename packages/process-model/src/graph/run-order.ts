import { outputPorts } from '../catalog/shape-catalog.ts';
import { own } from '../own.ts';
import type { ProcessDocument } from '../schema/process.ts';
import { outgoingByShape } from './outgoing.ts';

/** Runs listed before runOrder gives up: paths that meet again multiply runs. */
export const RUN_ORDER_LIMIT = 10_000;

/**
 * The order in which shapes run, as the engine walks a process: from Start, a
 * shape runs, then each of its ports in `outputPorts` order, each path to its end
 * before the next (depth first). A shape reached by two paths runs once per path,
 * so it is listed once per path. A loop is not followed around (processes are
 * acyclic; validation reports loops). Stops after `limit` entries.
 */
export function runOrder(
  doc: ProcessDocument,
  options: { start?: string; limit?: number } = {},
): string[] {
  const start =
    options.start ?? Object.keys(doc.shapes).find((id) => own(doc.shapes, id)?.kind === 'start');
  const limit = options.limit ?? RUN_ORDER_LIMIT;
  if (start === undefined || !own(doc.shapes, start)) {
    return [];
  }
  const outgoing = outgoingByShape(doc);
  const order: string[] = [];
  const onPath = new Set<string>();
  // An explicit stack of [shape, next port index] keeps deep chains off the call stack.
  const stack: { id: string; targets: string[]; next: number }[] = [];
  const enter = (id: string) => {
    order.push(id);
    onPath.add(id);
    const shape = own(doc.shapes, id);
    const byPort = new Map((outgoing.get(id) ?? []).map((c) => [c.from.port, c.to.shape]));
    const targets = shape
      ? outputPorts(shape).flatMap((p) => {
          const to = byPort.get(p.id);
          return to !== undefined && own(doc.shapes, to) ? [to] : [];
        })
      : [];
    stack.push({ id, targets, next: 0 });
  };
  enter(start);
  while (stack.length > 0 && order.length < limit) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const target = top.targets[top.next++];
    if (target === undefined) {
      stack.pop();
      onPath.delete(top.id);
    } else if (!onPath.has(target)) {
      enter(target);
    }
  }
  return order;
}
