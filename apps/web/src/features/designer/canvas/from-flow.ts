import {
  connectionProblem,
  connectShapes,
  disconnect,
  moveNote,
  moveShapes,
  type ProcessDocument,
  removeNotes,
  removeShapes,
} from '@junction/process-model';
import type { Connection, EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import type { Size } from '../store/editor-store.ts';
import { NOTE_PREFIX } from './to-flow.ts';

/** What the canvas shows: the document and the selection React Flow reports changes to. */
export interface CanvasState {
  document: ProcessDocument;
  selectedShapes: readonly string[];
  selectedConnections: readonly string[];
}

/**
 * One thing the editor has to do for a batch of React Flow changes, in order.
 * Documents are the results of process-model operations; `live` ones belong to
 * a drag and become one undo entry at `end-gesture`, `step` ones are an undo
 * entry each. Only real changes are listed.
 */
export type CanvasEffect =
  | { type: 'document'; document: ProcessDocument; record: 'live' | 'step' }
  | { type: 'end-gesture' }
  | { type: 'measured'; id: string; size: Size }
  | { type: 'select'; shapes: readonly string[]; connections: readonly string[] };

/** The note id behind a canvas node id, or null for a shape (see NOTE_PREFIX). */
function noteIdOf(nodeId: string): string | null {
  return nodeId.startsWith(NOTE_PREFIX) ? nodeId.slice(NOTE_PREFIX.length) : null;
}

function moved(document: ProcessDocument, nodeId: string, at: XYPosition): ProcessDocument {
  const noteId = noteIdOf(nodeId);
  return noteId ? moveNote(document, noteId, at) : moveShapes(document, { [nodeId]: at });
}

function removed(document: ProcessDocument, nodeId: string): ProcessDocument {
  const noteId = noteIdOf(nodeId);
  return noteId ? removeNotes(document, [noteId]) : removeShapes(document, [nodeId]);
}

function documentEffect(
  before: ProcessDocument,
  after: ProcessDocument,
  record: 'live' | 'step',
): CanvasEffect[] {
  return after === before ? [] : [{ type: 'document', document: after, record }];
}

function toggled(selection: Set<string>, id: string, selected: boolean): Set<string> {
  const next = new Set(selection);
  if (selected) {
    next.add(id);
  } else {
    next.delete(id);
  }
  return next;
}

/**
 * Node changes (drag, remove, select, measure) as editor effects. Notes share
 * the canvas as `note:<id>` nodes, so their moves and removals go to the note
 * operations; the Start shape is protected by removeShapes itself.
 */
export function fromNodeChanges(
  state: CanvasState,
  changes: readonly NodeChange[],
): CanvasEffect[] {
  const effects: CanvasEffect[] = [];
  let document = state.document;
  let selection = new Set(state.selectedShapes);
  let selectionChanged = false;
  const update = (next: ProcessDocument, record: 'live' | 'step') => {
    effects.push(...documentEffect(document, next, record));
    document = next;
  };
  for (const change of changes) {
    if (change.type === 'position' && change.position) {
      update(moved(document, change.id, change.position), 'live');
      if (change.dragging === false) {
        effects.push({ type: 'end-gesture' });
      }
    } else if (change.type === 'remove') {
      update(removed(document, change.id), 'step');
      selection = toggled(selection, change.id, false);
      selectionChanged = true;
    } else if (change.type === 'select') {
      selection = toggled(selection, change.id, change.selected);
      selectionChanged = true;
    } else if (change.type === 'dimensions' && change.dimensions) {
      effects.push({ type: 'measured', id: change.id, size: change.dimensions });
    }
  }
  if (selectionChanged) {
    effects.push({
      type: 'select',
      shapes: [...selection],
      connections: state.selectedConnections,
    });
  }
  return effects;
}

/** Edge changes: removed connections go in one step; selection follows React Flow. */
export function fromEdgeChanges(
  state: CanvasState,
  changes: readonly EdgeChange[],
): CanvasEffect[] {
  const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
  const effects = documentEffect(state.document, disconnect(state.document, removed), 'step');
  let selection = new Set(state.selectedConnections);
  let selectionChanged = false;
  for (const change of changes) {
    if (change.type === 'select') {
      selection = toggled(selection, change.id, change.selected);
      selectionChanged = true;
    }
  }
  if (selectionChanged) {
    effects.push({ type: 'select', shapes: state.selectedShapes, connections: [...selection] });
  }
  return effects;
}

/** What React Flow asks about while a connection is dragged (its handles may be null). */
export type FlowConnection = Pick<Connection, 'source' | 'target'> & {
  sourceHandle?: string | null;
};

function ends(connection: FlowConnection) {
  return {
    from: { shape: connection.source, port: connection.sourceHandle ?? 'default' },
    to: { shape: connection.target },
  };
}

/** Whether dropping this connection would be accepted; React Flow greys out refused targets. */
export function isConnectable(document: ProcessDocument, connection: FlowConnection): boolean {
  const { from, to } = ends(connection);
  return connectionProblem(document, from, to) === null;
}

/**
 * A connection dropped on a port, as one undo step under the given id. A
 * refused connection (a loop, into Start, …) changes nothing.
 */
export function fromConnection(
  document: ProcessDocument,
  connection: FlowConnection,
  id: string,
): CanvasEffect[] {
  return documentEffect(document, connectShapes(document, { id, ...ends(connection) }), 'step');
}
