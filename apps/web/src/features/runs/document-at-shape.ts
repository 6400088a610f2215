import type { DocumentDetail, DocumentDirection } from '@junction/api';

export interface DocumentPlace {
  shape: string;
  direction: DocumentDirection;
}

/**
 * Where to show a document as it was: at the selected shape, on the side the
 * panel lists (else the last side it took there). A document keeps its id
 * through shapes that change it, so its last data can differ from what it was
 * at the shape the user is looking at. Undefined when the last appearance is
 * already that place, or the document never passed the shape (a lineage jump
 * to a parent): the plain detail shows it as it ended.
 */
export function placeToShow(
  appearances: DocumentDetail['appearances'],
  shapeId: string,
  direction: DocumentDirection,
): DocumentPlace | undefined {
  const atShape = appearances.filter((a) => a.shapeId === shapeId);
  const chosen = atShape.findLast((a) => a.direction === direction) ?? atShape.at(-1);
  if (!chosen || chosen === appearances.at(-1)) {
    return undefined;
  }
  return { shape: chosen.shapeId, direction: chosen.direction };
}
