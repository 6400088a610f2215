import { own } from '../own.ts';
import type { ProcessDocument } from '../schema/process.ts';
import type { Shape } from '../schema/shapes.ts';

/**
 * Replaces a shape's label and configuration. The kind never changes (a different
 * kind is a different shape), and connections from ports the new configuration no
 * longer has are kept: validation reports them, so an edit never silently drops work.
 */
export function updateShape(doc: ProcessDocument, id: string, shape: Shape): ProcessDocument {
  const current = own(doc.shapes, id);
  if (!current || current.kind !== shape.kind) {
    return doc;
  }
  return { ...doc, shapes: { ...doc.shapes, [id]: shape } };
}

export function renameProcess(doc: ProcessDocument, name: string): ProcessDocument {
  return name === doc.name ? doc : { ...doc, name };
}
