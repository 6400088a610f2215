import type { Connection, ProcessDocument } from '../schema/process.ts';

/** Connections grouped by source shape, in document order. */
export function outgoingByShape(doc: ProcessDocument): Map<string, Connection[]> {
  const map = new Map<string, Connection[]>();
  for (const c of doc.connections) {
    const list = map.get(c.from.shape);
    if (list) {
      list.push(c);
    } else {
      map.set(c.from.shape, [c]);
    }
  }
  return map;
}
