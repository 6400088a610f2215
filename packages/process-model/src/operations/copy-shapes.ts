import { own } from '../own.ts';
import type { Position } from '../schema/common.ts';
import type { ProcessDocument } from '../schema/process.ts';
import type { Shape } from '../schema/shapes.ts';

/** A piece of a process on the clipboard: shapes, the connections among them, positions. */
export type ProcessFragment = Pick<ProcessDocument, 'shapes' | 'connections' | 'layout'>;

/**
 * Copies shapes for pasting: configuration is copied (component references such as
 * a connection id stay references), connections between copied shapes come along,
 * others do not, and Start is never copied. `idFor` names the copies; it is called
 * with each old shape id and each old connection id (separate namespaces).
 *
 * @example copyShapes(doc, selection, (id) => `${id}-copy`, { x: 40, y: 40 })
 */
export function copyShapes(
  doc: ProcessDocument,
  ids: readonly string[],
  idFor: (oldId: string) => string,
  offset: Position,
): ProcessFragment {
  const picked = new Set(
    ids.filter((id) => own(doc.shapes, id) && own(doc.shapes, id)?.kind !== 'start'),
  );
  const newIds = new Map([...picked].map((id) => [id, idFor(id)]));
  const shapes: Record<string, Shape> = {};
  const layout: Record<string, Position> = {};
  for (const [id, newId] of newIds) {
    // A JSON round trip is a faithful deep copy: shapes are plain JSON by definition.
    shapes[newId] = JSON.parse(JSON.stringify(own(doc.shapes, id))) as Shape;
    const at = own(doc.layout, id) ?? { x: 0, y: 0 };
    layout[newId] = { x: at.x + offset.x, y: at.y + offset.y };
  }
  const connections = doc.connections
    .filter((c) => picked.has(c.from.shape) && picked.has(c.to.shape))
    .map((c) => ({
      id: idFor(c.id),
      from: { shape: newIds.get(c.from.shape) ?? c.from.shape, port: c.from.port },
      to: { shape: newIds.get(c.to.shape) ?? c.to.shape },
    }));
  return { shapes, connections, layout };
}
