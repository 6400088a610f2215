import type { ProcessDocument } from '../schema/process.ts';

/** The shapes with a connection into `shapeId`, each once, in document order. */
export function predecessors(doc: ProcessDocument, shapeId: string): string[] {
  const found = new Set<string>();
  for (const c of doc.connections) {
    if (c.to.shape === shapeId) {
      found.add(c.from.shape);
    }
  }
  return [...found];
}
