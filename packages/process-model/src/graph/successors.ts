import { outputPorts } from '../catalog/shape-catalog.ts';
import { own } from '../own.ts';
import type { Connection, ProcessDocument } from '../schema/process.ts';
import { outgoingByShape } from './outgoing.ts';

/**
 * The shapes `shapeId` leads to, in the order its paths run (its ports in
 * `outputPorts` order), each once; connections from ports the shape does not have
 * (an invalid file) come last, in document order. Missing targets are included:
 * this is a graph question, validation reports them.
 */
export function successors(doc: ProcessDocument, shapeId: string): string[] {
  return orderedTargets(doc, outgoingByShape(doc).get(shapeId) ?? [], shapeId);
}

/** successors() given the shape's outgoing connections, for kernels that index once. */
export function orderedTargets(
  doc: ProcessDocument,
  outgoing: readonly Connection[],
  shapeId: string,
): string[] {
  const shape = own(doc.shapes, shapeId);
  if (!shape || outgoing.length < 2) {
    return [...new Set(outgoing.map((c) => c.to.shape))];
  }
  const rank = new Map(outputPorts(shape).map((p, i) => [p.id, i]));
  const ordered = outgoing
    .map((c, i) => ({ c, key: rank.get(c.from.port) ?? rank.size + i }))
    .sort((a, b) => a.key - b.key);
  return [...new Set(ordered.map(({ c }) => c.to.shape))];
}
