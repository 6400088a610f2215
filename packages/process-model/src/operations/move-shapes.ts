import { own } from '../own.ts';
import type { Position } from '../schema/common.ts';
import type { ProcessDocument } from '../schema/process.ts';

/** Moves shapes; unknown ids are ignored. Returns the same document when nothing moved. */
export function moveShapes(
  doc: ProcessDocument,
  positions: Readonly<Record<string, Position>>,
): ProcessDocument {
  let layout: ProcessDocument['layout'] | undefined;
  for (const [id, position] of Object.entries(positions)) {
    const current = own(doc.layout, id);
    if (!own(doc.shapes, id) || (current && current.x === position.x && current.y === position.y)) {
      continue;
    }
    layout ??= { ...doc.layout };
    layout[id] = { x: position.x, y: position.y };
  }
  return layout ? { ...doc, layout } : doc;
}
