import { outputPorts } from '../catalog/shape-catalog.ts';
import { own } from '../own.ts';
import type { ProcessDocument } from '../schema/process.ts';
import { addShape } from './add-shape.ts';

/**
 * Drops a new shape onto a connection A → B, giving A → new → B: the existing
 * connection keeps its id and now ends at the new shape, whose first port leads on
 * to B through `nextConnectionId`. Refused (document unchanged) when the connection
 * is unknown, the id is taken, or the new shape has no output (Stop, Exception …).
 */
export function insertShapeOnConnection(
  doc: ProcessDocument,
  connectionId: string,
  input: Parameters<typeof addShape>[1],
  nextConnectionId: string,
): ProcessDocument {
  const index = doc.connections.findIndex((c) => c.id === connectionId);
  const old = doc.connections[index];
  const added = addShape(doc, input);
  const shape = own(added.shapes, input.id);
  const port = shape ? outputPorts(shape)[0] : undefined;
  if (!old || added === doc || !port || doc.connections.some((c) => c.id === nextConnectionId)) {
    return doc;
  }
  const connections = [...doc.connections];
  connections[index] = { ...old, to: { shape: input.id } };
  connections.push({ id: nextConnectionId, from: { shape: input.id, port: port.id }, to: old.to });
  return { ...added, connections };
}
