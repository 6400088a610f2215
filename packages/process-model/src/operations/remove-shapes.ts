import { own } from '../own.ts';
import type { ProcessDocument } from '../schema/process.ts';

/** Removes shapes and every connection touching them. Start can never be removed. */
export function removeShapes(doc: ProcessDocument, ids: readonly string[]): ProcessDocument {
  const doomed = new Set(
    ids.filter((id) => own(doc.shapes, id) && own(doc.shapes, id)?.kind !== 'start'),
  );
  if (doomed.size === 0) {
    return doc;
  }
  const shapes = Object.fromEntries(Object.entries(doc.shapes).filter(([id]) => !doomed.has(id)));
  const layout = Object.fromEntries(Object.entries(doc.layout).filter(([id]) => !doomed.has(id)));
  const connections = doc.connections.filter(
    (c) => !doomed.has(c.from.shape) && !doomed.has(c.to.shape),
  );
  return { ...doc, shapes, layout, connections };
}
