import type { DocumentDirection, DocumentPreview, RunRecord } from '@junction/api';
import { type ProcessDocument, runOrder } from '@junction/process-model';
import { diffLines } from 'diff';
import { diffProperties, documentsDiffer } from './document-diff.ts';
import { documentText } from './document-text.ts';

/**
 * The shapes either run reached, in the order the process runs them (depth first
 * from Start). Shapes a run reached that the process no longer has (deleted since)
 * come last, in the order the run reached them.
 */
export function shapesInRunOrder(doc: ProcessDocument | undefined, runs: RunRecord[]): string[] {
  const reached = new Set(runs.flatMap((r) => Object.keys(r.shapes)));
  const ordered = [...new Set(doc ? runOrder(doc) : [])].filter((id) => reached.has(id));
  const listed = new Set(ordered);
  return [...ordered, ...[...reached].filter((id) => !listed.has(id))];
}

/**
 * Which of a shape's documents two runs are compared on: those entering it, so a
 * change shows at the first shape that sees it; Start has none in, so its output.
 */
export function comparedDirection(
  doc: ProcessDocument | undefined,
  shapeId: string,
): DocumentDirection {
  const kind = doc?.shapes[shapeId]?.kind;
  return kind === 'start' || (kind === undefined && shapeId === 'start') ? 'out' : 'in';
}

/** The documents at one position of a shape in the two runs; a side is absent when a run had fewer. */
export interface DocumentPair {
  /** 0-based position in the shape's documents. */
  position: number;
  before?: DocumentPreview;
  after?: DocumentPreview;
  changed: boolean;
}

function differ(a: DocumentPreview | undefined, b: DocumentPreview | undefined): boolean {
  if (a === undefined || b === undefined) {
    return a !== b;
  }
  // Previews are cut at 10 KB: a cut one of a different full size changed even when the
  // cut text agrees (sizes of whole documents are not compared: spacing is no change).
  return (
    ((a.truncated || b.truncated) && a.size !== b.size) ||
    documentsDiffer(a.data, b.data) ||
    diffProperties(a.properties, b.properties).length > 0
  );
}

/**
 * A shape's documents in two runs paired by position (runs of the same input
 * produce documents in the same order), each pair marked changed when its data
 * (by structure) or its properties differ, or one run has no document there.
 */
export function pairDocuments(
  before: readonly DocumentPreview[],
  after: readonly DocumentPreview[],
): DocumentPair[] {
  return Array.from({ length: Math.max(before.length, after.length) }, (_, position) => {
    const a = before[position];
    const b = after[position];
    return {
      position,
      ...(a ? { before: a } : {}),
      ...(b ? { after: b } : {}),
      changed: differ(a, b),
    };
  });
}

/** One side of a side-by-side row: a line and its 1-based number. */
export interface SideLine {
  number: number;
  text: string;
}

/** A row of a side-by-side diff; `changed` rows have both sides, `removed` only before, `added` only after. */
export type SideBySideRow =
  | { kind: 'same'; before: SideLine; after: SideLine }
  | { kind: 'changed'; before: SideLine; after: SideLine }
  | { kind: 'removed'; before: SideLine }
  | { kind: 'added'; after: SideLine };

function lines(value: string): string[] {
  const parts = value.split('\n');
  // A chunk ends with its newline; the empty string after it is not a line.
  return parts.at(-1) === '' ? parts.slice(0, -1) : parts;
}

const withEnd = (text: string) => (text === '' ? '' : `${text}\n`);

/**
 * Two documents as aligned rows, before | after, JSON indented first so a change
 * inside a one-line record shows as the lines that changed. A removed run of lines
 * followed by an added one pairs up line by line as `changed`; what is left over
 * is `removed` or `added`. Null data (no document on that side) is no lines.
 */
export function sideBySide(before: string | null, after: string | null): SideBySideRow[] {
  const left = before === null ? '' : documentText(before).text;
  const right = after === null ? '' : documentText(after).text;
  const rows: SideBySideRow[] = [];
  let l = 1;
  let r = 1;
  // Every line ends with a newline, so a last line is not "changed" by one added after it.
  const changes = diffLines(withEnd(left), withEnd(right));
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const text of lines(change.value)) {
        rows.push({ kind: 'same', before: { number: l++, text }, after: { number: r++, text } });
      }
      continue;
    }
    const next = changes[i + 1];
    const removed = change.removed ? lines(change.value) : [];
    const added = change.added ? lines(change.value) : next?.added ? lines(next.value) : [];
    if (change.removed && next?.added) {
      i++;
    }
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const a = removed[k];
      const b = added[k];
      if (a !== undefined && b !== undefined) {
        rows.push({
          kind: 'changed',
          before: { number: l++, text: a },
          after: { number: r++, text: b },
        });
      } else if (a !== undefined) {
        rows.push({ kind: 'removed', before: { number: l++, text: a } });
      } else if (b !== undefined) {
        rows.push({ kind: 'added', after: { number: r++, text: b } });
      }
    }
  }
  return rows;
}
