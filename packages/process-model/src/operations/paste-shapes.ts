import { own } from '../own.ts';
import type { ProcessDocument } from '../schema/process.ts';
import type { ProcessFragment } from './copy-shapes.ts';

/** Boomi's canvas limits (process-semantics.md §1): shapes plus notes per process. */
export const MAX_SHAPES = 250;
export const SHAPE_COUNT_WARNING = 100;

/** Why `fragment` cannot be pasted into `doc`, or null when it can. */
export function pasteProblem(doc: ProcessDocument, fragment: ProcessFragment): string | null {
  const ids = Object.keys(fragment.shapes);
  if (ids.some((id) => own(fragment.shapes, id)?.kind === 'start')) {
    return 'The Start shape cannot be pasted; a process has exactly one.';
  }
  const taken = ids.find((id) => own(doc.shapes, id));
  if (taken !== undefined) {
    return `A shape "${taken}" already exists.`;
  }
  const existing = new Set(doc.connections.map((c) => c.id));
  const clash = fragment.connections.find((c) => existing.has(c.id));
  if (clash) {
    return `A connection "${clash.id}" already exists.`;
  }
  const total = Object.keys(doc.shapes).length + doc.notes.length + ids.length;
  if (total > MAX_SHAPES) {
    return `A process holds at most ${MAX_SHAPES} shapes and notes; this paste would make ${total}.`;
  }
  return null;
}

/**
 * Adds a copied fragment (see copyShapes). A paste that pasteProblem refuses leaves
 * the document unchanged, as Boomi refuses a paste past 250 shapes.
 */
export function pasteShapes(doc: ProcessDocument, fragment: ProcessFragment): ProcessDocument {
  if (pasteProblem(doc, fragment) !== null || Object.keys(fragment.shapes).length === 0) {
    return doc;
  }
  return {
    ...doc,
    shapes: { ...doc.shapes, ...fragment.shapes },
    layout: { ...doc.layout, ...fragment.layout },
    connections: [...doc.connections, ...fragment.connections],
  };
}
