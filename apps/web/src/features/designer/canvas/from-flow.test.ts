import { addNote, addShape, connectShapes, createProcess } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import {
  type CanvasEffect,
  type CanvasState,
  fromConnection,
  fromEdgeChanges,
  fromNodeChanges,
  isConnectable,
} from './from-flow.ts';

// start -e1-> c; a stop shape "s" not yet connected; one note.
function state(overrides: Partial<CanvasState> = {}): CanvasState {
  let document = createProcess({ id: 'p', name: 'P' });
  document = addShape(document, { id: 'c', kind: 'connector', position: { x: 300, y: 100 } });
  document = addShape(document, { id: 's', kind: 'stop', position: { x: 600, y: 100 } });
  document = connectShapes(document, {
    id: 'e1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'c' },
  });
  document = addNote(document, { id: 'n1', text: 'Why', position: { x: 0, y: 0 } });
  return { document, selectedShapes: [], selectedConnections: [], ...overrides };
}

/** The document after the effects, as the editor would end up with it. */
function lastDocument(effects: readonly CanvasEffect[]) {
  return effects.findLast((e) => e.type === 'document')?.document;
}

describe('node changes', () => {
  it('moves a dragged shape live and records nothing until the drag ends', () => {
    const effects = fromNodeChanges(state(), [
      { id: 'c', type: 'position', position: { x: 320, y: 140 }, dragging: true },
    ]);
    expect(effects).toEqual([{ type: 'document', document: expect.anything(), record: 'live' }]);
    expect(lastDocument(effects)?.layout['c']).toEqual({ x: 320, y: 140 });
  });

  it('ends the gesture on the last position of a drag, so the drag is one undo entry', () => {
    const effects = fromNodeChanges(state(), [
      { id: 'c', type: 'position', position: { x: 340, y: 160 }, dragging: false },
    ]);
    expect(effects.map((e) => e.type)).toEqual(['document', 'end-gesture']);
  });

  it('lists no document change for a position the shape already has', () => {
    const effects = fromNodeChanges(state(), [
      { id: 'c', type: 'position', position: { x: 300, y: 100 }, dragging: true },
    ]);
    expect(effects).toEqual([]);
  });

  it('removes a shape with its connections as one step and drops it from the selection', () => {
    const effects = fromNodeChanges(state({ selectedShapes: ['c', 's'] }), [
      { id: 'c', type: 'remove' },
    ]);
    const document = lastDocument(effects);
    expect(effects[0]).toMatchObject({ type: 'document', record: 'step' });
    expect(document?.shapes['c']).toBeUndefined();
    expect(document?.connections).toEqual([]);
    expect(effects.at(-1)).toEqual({ type: 'select', shapes: ['s'], connections: [] });
  });

  it('never removes the Start shape', () => {
    const effects = fromNodeChanges(state(), [{ id: 'start', type: 'remove' }]);
    expect(effects).toEqual([{ type: 'select', shapes: [], connections: [] }]);
  });

  it('follows selection changes without touching the document', () => {
    const effects = fromNodeChanges(state({ selectedShapes: ['c'], selectedConnections: ['e1'] }), [
      { id: 'c', type: 'select', selected: false },
      { id: 's', type: 'select', selected: true },
    ]);
    expect(effects).toEqual([{ type: 'select', shapes: ['s'], connections: ['e1'] }]);
  });

  it('keeps measured sizes, which are no part of the document', () => {
    const effects = fromNodeChanges(state(), [
      { id: 'c', type: 'dimensions', dimensions: { width: 180, height: 64 } },
    ]);
    expect(effects).toEqual([{ type: 'measured', id: 'c', size: { width: 180, height: 64 } }]);
  });

  it('moves and removes notes through their note: nodes', () => {
    const moved = fromNodeChanges(state(), [
      { id: 'note:n1', type: 'position', position: { x: 40, y: 20 }, dragging: true },
    ]);
    expect(lastDocument(moved)?.notes[0]?.position).toEqual({ x: 40, y: 20 });
    expect(lastDocument(moved)?.layout).toEqual(state().document.layout);

    const removed = fromNodeChanges(state({ selectedShapes: ['note:n1'] }), [
      { id: 'note:n1', type: 'remove' },
    ]);
    expect(lastDocument(removed)?.notes).toEqual([]);
    expect(removed.at(-1)).toEqual({ type: 'select', shapes: [], connections: [] });
  });
});

describe('edge changes', () => {
  it('removes connections as one step', () => {
    const effects = fromEdgeChanges(state(), [{ id: 'e1', type: 'remove' }]);
    expect(effects).toEqual([{ type: 'document', document: expect.anything(), record: 'step' }]);
    expect(lastDocument(effects)?.connections).toEqual([]);
    expect(lastDocument(effects)?.shapes['c']).toBeDefined();
  });

  it('follows connection selection and keeps the shape selection', () => {
    const effects = fromEdgeChanges(state({ selectedShapes: ['s'] }), [
      { id: 'e1', type: 'select', selected: true },
    ]);
    expect(effects).toEqual([{ type: 'select', shapes: ['s'], connections: ['e1'] }]);
  });
});

describe('connections', () => {
  it('connects a port to a shape as one step under the given id', () => {
    const { document } = state();
    const connection = { source: 'c', sourceHandle: 'default', target: 's' };
    expect(isConnectable(document, connection)).toBe(true);
    const effects = fromConnection(document, connection, 'e2');
    expect(effects).toMatchObject([{ type: 'document', record: 'step' }]);
    expect(lastDocument(effects)?.connections.at(-1)).toEqual({
      id: 'e2',
      from: { shape: 'c', port: 'default' },
      to: { shape: 's' },
    });
  });

  it('takes a missing handle for the default port', () => {
    const effects = fromConnection(state().document, { source: 'c', target: 's' }, 'e2');
    expect(lastDocument(effects)?.connections.at(-1)?.from).toEqual({
      shape: 'c',
      port: 'default',
    });
  });

  it('refuses connections into Start, loops and unknown ports, changing nothing', () => {
    const { document } = state();
    const refused = [
      { source: 'c', sourceHandle: 'default', target: 'start' },
      { source: 'c', sourceHandle: 'default', target: 'c' },
      { source: 'c', sourceHandle: 'nope', target: 's' },
    ];
    for (const connection of refused) {
      expect(isConnectable(document, connection)).toBe(false);
      expect(fromConnection(document, connection, 'e2')).toEqual([]);
    }
  });
});
