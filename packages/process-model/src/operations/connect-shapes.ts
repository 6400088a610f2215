import { outputPorts } from '../catalog/shape-catalog.ts';
import { reachableFrom } from '../graph/reachable.ts';
import { own } from '../own.ts';
import type { Connection, ProcessDocument } from '../schema/process.ts';

/**
 * Why a connection from `from` to `to` is not allowed, or null when it is.
 * Each port leads to one shape (fan-out is a Branch's job), nothing enters Start,
 * and processes are acyclic.
 */
export function connectionProblem(
  doc: ProcessDocument,
  from: Connection['from'],
  to: Connection['to'],
): string | null {
  const source = own(doc.shapes, from.shape);
  const target = own(doc.shapes, to.shape);
  if (!source) {
    return `There is no shape "${from.shape}".`;
  }
  if (!target) {
    return `There is no shape "${to.shape}".`;
  }
  if (!outputPorts(source).some((p) => p.id === from.port)) {
    return `Shape "${from.shape}" has no port "${from.port}".`;
  }
  if (target.kind === 'start') {
    return 'Nothing can connect into the Start shape.';
  }
  if (from.shape === to.shape || reachableFrom(doc, to.shape).has(from.shape)) {
    return 'This connection would make a loop; processes run forward only.';
  }
  return null;
}

/**
 * Every shape `from` may lead to (those connectionProblem allows), computed with
 * one walk upstream instead of one check per candidate: a picker over a large
 * process stays cheap.
 */
export function connectionTargets(doc: ProcessDocument, from: Connection['from']): Set<string> {
  const source = own(doc.shapes, from.shape);
  if (!source || !outputPorts(source).some((p) => p.id === from.port)) {
    return new Set();
  }
  const incoming = new Map<string, string[]>();
  for (const c of doc.connections) {
    incoming.set(c.to.shape, [...(incoming.get(c.to.shape) ?? []), c.from.shape]);
  }
  // A target upstream of the source would close a loop.
  const upstream = new Set<string>([from.shape]);
  const stack = [from.shape];
  while (stack.length > 0) {
    for (const before of incoming.get(stack.pop()!) ?? []) {
      if (!upstream.has(before)) {
        upstream.add(before);
        stack.push(before);
      }
    }
  }
  return new Set(
    Object.entries(doc.shapes)
      .filter(([id, shape]) => shape.kind !== 'start' && !upstream.has(id))
      .map(([id]) => id),
  );
}

/**
 * Connects a port to a shape, replacing whatever that port led to before.
 * An invalid connection leaves the document unchanged (see connectionProblem).
 */
export function connectShapes(doc: ProcessDocument, connection: Connection): ProcessDocument {
  if (connectionProblem(doc, connection.from, connection.to)) {
    return doc;
  }
  const others = doc.connections.filter(
    (c) => !(c.from.shape === connection.from.shape && c.from.port === connection.from.port),
  );
  return { ...doc, connections: [...others, connection] };
}

export function disconnect(doc: ProcessDocument, ids: readonly string[]): ProcessDocument {
  const doomed = new Set(ids);
  const connections = doc.connections.filter((c) => !doomed.has(c.id));
  return connections.length === doc.connections.length ? doc : { ...doc, connections };
}
