import { addShape, createProcess, moveShapes, removeShapes } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editor-store.ts';

function store() {
  return createEditorStore(createProcess({ id: 'p', name: 'P' }), 1);
}

describe('editor store', () => {
  it('undoes and redoes whole operations', () => {
    const s = store();
    s.getState().apply((d) => addShape(d, { id: 'a', kind: 'stop', position: { x: 0, y: 0 } }));
    s.getState().apply((d) => removeShapes(d, ['a']));
    expect(s.getState().document.shapes['a']).toBeUndefined();
    s.getState().undo();
    expect(s.getState().document.shapes['a']?.kind).toBe('stop');
    s.getState().undo();
    expect(s.getState().document.shapes['a']).toBeUndefined();
    s.getState().redo();
    expect(s.getState().document.shapes['a']?.kind).toBe('stop');
  });

  it('records a drag as one undo entry when it ends, not one per mouse move', () => {
    const s = store();
    for (let x = 1; x <= 20; x++) {
      s.getState().applyLive((d) => moveShapes(d, { start: { x, y: 0 } }));
    }
    s.getState().commitGesture();
    expect(s.getState().past).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().document.layout['start']).toEqual({ x: 80, y: 160 });
  });

  it('ignores operations that change nothing, so history stays meaningful', () => {
    const s = store();
    s.getState().apply((d) => removeShapes(d, ['start']));
    expect(s.getState().past).toHaveLength(0);
  });

  it('rebases the working copy on a new saved revision, keeping its history', () => {
    const s = store();
    s.getState().apply((d) => moveShapes(d, { start: { x: 5, y: 5 } }));
    s.getState().rebase(2);
    expect(s.getState().revision).toBe(2);
    expect(s.getState().document.layout['start']).toEqual({ x: 5, y: 5 });
    expect(s.getState().past).toHaveLength(1);
  });

  it('toggles breakpoints apart from the document: no undo entry, no change to save', () => {
    const s = store();
    const before = s.getState().document;
    s.getState().toggleBreakpoints(['start']);
    expect(s.getState().breakpoints).toEqual(['start']);
    expect(s.getState().document).toBe(before);
    expect(s.getState().past).toHaveLength(0);
    // A mixed selection gets breakpoints everywhere; then one toggle clears them all.
    s.getState().toggleBreakpoints(['start', 'a']);
    expect(s.getState().breakpoints).toEqual(['start', 'a']);
    s.getState().toggleBreakpoints(['start', 'a']);
    expect(s.getState().breakpoints).toEqual([]);
  });
});
