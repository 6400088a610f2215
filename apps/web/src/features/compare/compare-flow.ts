import {
  type DiffStatus,
  type NoteDiff,
  outputPorts,
  type Port,
  type ProcessDiff,
  type ShapeDiff,
  type ShapeKind,
  shapeSummary,
} from '@junction/process-model';
import type { Edge, Node } from '@xyflow/react';
import { shapeTitle } from '../designer/canvas/to-flow.ts';

export interface DiffNodeData extends Record<string, unknown> {
  kind: ShapeKind;
  title: string;
  summary: string;
  ports: Port[];
  status: DiffStatus;
  moved: boolean;
  /** How many of its fields changed (a changed shape's badge). */
  changedFields: number;
}

export type DiffNode = Node<DiffNodeData, 'diff-shape'>;

/** A canvas note of either revision, with how it differs. */
export type DiffNoteNode = Node<{ text: string; status: DiffStatus }, 'diff-note'>;

/** Note ids live apart from shape ids; the prefix keeps a note and a shape named alike apart. */
export const NOTE_NODE_PREFIX = 'note:';

/** What a user reads for each status; also the accessible name's suffix. */
export const STATUS_WORD: Readonly<Record<DiffStatus, string>> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  unchanged: 'unchanged',
};

function node(shape: ShapeDiff, selected: boolean): DiffNode {
  return {
    id: shape.id,
    type: 'diff-shape',
    position: shape.position ?? { x: 0, y: 0 },
    selected,
    draggable: false,
    connectable: false,
    deletable: false,
    data: {
      kind: shape.shape.kind,
      title: shapeTitle(shape.shape),
      summary: shapeSummary(shape.shape),
      ports: outputPorts(shape.shape),
      status: shape.status,
      moved: shape.moved !== null,
      changedFields: shape.fields.length,
    },
  };
}

function noteNode({ id, status, note }: NoteDiff): DiffNoteNode {
  return {
    id: `${NOTE_NODE_PREFIX}${id}`,
    type: 'diff-note',
    position: note.position,
    draggable: false,
    connectable: false,
    deletable: false,
    selectable: false,
    data: { text: note.text, status },
  };
}

/**
 * Both revisions on one canvas: every shape of either (a removed one where it stood,
 * ghosted), each with its status, every note of either (an import's notes say what
 * it left out), and every connection of either, a removed one drawn dashed.
 * Read-only: nothing here can be dragged, connected or deleted.
 */
export function compareFlow(
  diff: ProcessDiff,
  selectedShape: string | null,
): { nodes: (DiffNode | DiffNoteNode)[]; edges: Edge[] } {
  const nodes = [
    ...diff.shapes.map((shape) => node(shape, shape.id === selectedShape)),
    ...diff.notes.map(noteNode),
  ];
  const edges = diff.connections.map(({ status, connection }): Edge => {
    return {
      // A removed and an added connection may share an id; the status keeps them apart.
      id: `${status}:${connection.id}`,
      source: connection.from.shape,
      sourceHandle: connection.from.port,
      target: connection.to.shape,
      className: `diff-edge diff-edge--${status}`,
      selectable: false,
      deletable: false,
      ...(status !== 'unchanged' ? { label: status } : {}),
    };
  });
  return { nodes, edges };
}

/** The one line above the change list: "2 shapes added · 1 shape moved · …". */
export function diffSummary(diff: ProcessDiff): string {
  const count = (status: DiffStatus) => diff.shapes.filter((s) => s.status === status).length;
  const moved = diff.shapes.filter((s) => s.moved !== null).length;
  const links = (status: 'added' | 'removed') =>
    diff.connections.filter((c) => c.status === status).length;
  const notes = (status: DiffStatus) => diff.notes.filter((n) => n.status === status).length;
  const parts = [
    [count('added'), 'shape', 'added'],
    [count('removed'), 'shape', 'removed'],
    [count('changed'), 'shape', 'changed'],
    [moved, 'shape', 'moved'],
    [links('added'), 'connection', 'added'],
    [links('removed'), 'connection', 'removed'],
    [notes('added'), 'note', 'added'],
    [notes('removed'), 'note', 'removed'],
    [notes('changed'), 'note', 'changed'],
    [diff.process.length, 'process field', 'changed'],
  ] as const;
  const said = parts
    .filter(([n]) => n > 0)
    .map(([n, what, how]) => `${n} ${what}${n === 1 ? '' : 's'} ${how}`);
  return said.length === 0 ? 'No differences.' : said.join(' · ');
}
