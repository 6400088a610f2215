import {
  copyShapes,
  createProcess,
  type ProcessDocument,
  type ProcessFragment,
  pasteProblem,
  pasteShapes,
  validateProcess,
} from '@junction/process-model';
import { newId } from '../new-shape.ts';

/** Marks our clipboard text, so pasting an unrelated JSON does nothing surprising. */
const FORMAT = 'junction/process-fragment@1';

/** The selection as clipboard text: plain process JSON, readable in any editor or tab. */
export function fragmentToText(fragment: ProcessFragment): string {
  return JSON.stringify({ format: FORMAT, ...fragment }, null, 2);
}

/**
 * Reads clipboard text back into a fragment, or explains why it cannot. The
 * fragment is checked against the process schema by pasting it into an empty
 * process first, so a hand-edited or foreign clipboard cannot corrupt a document.
 */
export function parseFragment(text: string): { fragment: ProcessFragment } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'The clipboard does not hold Junction shapes.' };
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== FORMAT
  ) {
    return { problem: 'The clipboard does not hold Junction shapes.' };
  }
  const { shapes, connections, layout } = value as Partial<ProcessFragment>;
  const fragment = { shapes: shapes ?? {}, connections: connections ?? [], layout: layout ?? {} };
  const probe = createProcess({ id: 'clipboard', name: 'clipboard' });
  const merged = {
    ...probe,
    shapes: { ...probe.shapes, ...fragment.shapes },
    connections: fragment.connections,
    layout: { ...probe.layout, ...fragment.layout },
  };
  const broken = validateProcess(merged).find(
    (i) => i.code.startsWith('schema.') || i.code === 'shape.unknown-kind',
  );
  if (broken) {
    return { problem: `The copied shapes are not valid: ${broken.pointer} ${broken.message}` };
  }
  return { fragment };
}

/**
 * Pastes a fragment with fresh ids, offset from where it was copied, so pasting
 * twice never collides. Returns the new document and the ids of the pasted shapes.
 */
export function pasteFragment(
  doc: ProcessDocument,
  fragment: ProcessFragment,
  offset: { x: number; y: number },
): { document: ProcessDocument; pasted: string[] } | { problem: string } {
  const source: ProcessDocument = {
    ...createProcess({ id: 'source', name: 'source' }),
    ...fragment,
  };
  const ids = Object.keys(fragment.shapes);
  const renamed = copyShapes(source, ids, (id) => newId(id.replace(/-[0-9a-f]{8}$/, '')), offset);
  const problem = pasteProblem(doc, renamed);
  if (problem) {
    return { problem };
  }
  return { document: pasteShapes(doc, renamed), pasted: Object.keys(renamed.shapes) };
}

/** Copies the selected shapes (never Start) as a fragment. */
export function copySelection(doc: ProcessDocument, selected: readonly string[]): ProcessFragment {
  return copyShapes(doc, selected, (id) => id, { x: 0, y: 0 });
}
