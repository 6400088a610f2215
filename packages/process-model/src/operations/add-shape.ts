import { defaultShape } from '../catalog/shape-catalog.ts';
import { own } from '../own.ts';
import type { Position } from '../schema/common.ts';
import type { ProcessDocument } from '../schema/process.ts';
import type { Shape, ShapeKind } from '../schema/shapes.ts';

/**
 * Adds a shape of `kind` at `position`. Start is refused: a process has exactly one.
 * The caller supplies the id so that the operation stays pure and replayable.
 */
export function addShape(
  doc: ProcessDocument,
  input: { id: string; kind: ShapeKind; position: Position; shape?: Shape },
): ProcessDocument {
  if (input.kind === 'start' || own(doc.shapes, input.id)) {
    return doc;
  }
  const shape = input.shape ?? defaultShape(input.kind);
  return {
    ...doc,
    shapes: { ...doc.shapes, [input.id]: shape },
    layout: { ...doc.layout, [input.id]: input.position },
  };
}
