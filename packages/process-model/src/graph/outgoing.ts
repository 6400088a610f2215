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

/**
 * Each shape's connections by output port. A port wired twice keeps its first
 * connection: the one a run follows (validation reports the second).
 */
export function outgoingByPort(doc: ProcessDocument): Map<string, Map<string, Connection>> {
  const map = new Map<string, Map<string, Connection>>();
  for (const c of doc.connections) {
    let ports = map.get(c.from.shape);
    if (!ports) {
      ports = new Map();
      map.set(c.from.shape, ports);
    }
    if (!ports.has(c.from.port)) {
      ports.set(c.from.port, c);
    }
  }
  return map;
}
