import {
  addNote,
  addShape,
  connectShapes,
  createProcess,
  diffProcesses,
  moveShapes,
  type ProcessDocument,
  removeShapes,
  updateNoteText,
} from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { compareFlow, diffSummary } from './compare-flow.ts';
import { emptyProcessLike } from './empty-process.ts';

function saved(): ProcessDocument {
  let doc = createProcess({ id: 'p', name: 'Orders' });
  doc = addShape(doc, { id: 'map', kind: 'map', position: { x: 300, y: 160 } });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 500, y: 160 } });
  doc = connectShapes(doc, {
    id: 'c1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'map' },
  });
  return connectShapes(doc, {
    id: 'c2',
    from: { shape: 'map', port: 'default' },
    to: { shape: 'stop' },
  });
}

describe('compareFlow', () => {
  it('puts both revisions on one read-only canvas, a removed shape where it stood', () => {
    const before = saved();
    let after = removeShapes(before, ['stop']);
    after = addShape(after, { id: 'end', kind: 'stop', position: { x: 500, y: 300 } });
    after = connectShapes(after, {
      id: 'c2',
      from: { shape: 'map', port: 'default' },
      to: { shape: 'end' },
    });
    after = moveShapes(after, { map: { x: 320, y: 160 } });
    const flow = compareFlow(diffProcesses(before, after), 'map');
    const byId = Object.fromEntries(flow.nodes.map((n) => [n.id, n]));
    expect(byId['stop']).toMatchObject({
      position: { x: 500, y: 160 },
      data: { status: 'removed' },
    });
    expect(byId['end']?.data.status).toBe('added');
    expect(byId['map']).toMatchObject({
      selected: true,
      data: { status: 'unchanged', moved: true },
    });
    expect(flow.nodes.every((n) => n.draggable === false && n.connectable === false)).toBe(true);
    // The added and the removed connection share the id c2, and still get one edge each.
    const edges = flow.edges.map((e) => [e.id, e.target, e.className]);
    expect(edges).toEqual([
      ['unchanged:c1', 'map', 'diff-edge diff-edge--unchanged'],
      ['added:c2', 'end', 'diff-edge diff-edge--added'],
      ['removed:c2', 'stop', 'diff-edge diff-edge--removed'],
    ]);
  });

  it('draws the notes of both revisions, read-only, apart from a shape of the same id', () => {
    const before = addNote(saved(), { id: 'map', text: 'Runs nightly', position: { x: 0, y: 0 } });
    const after = addNote(updateNoteText(before, 'map', 'Runs hourly'), {
      id: 'n2',
      text: 'Left out: ARCHIVE',
      position: { x: 40, y: 400 },
    });
    const flow = compareFlow(diffProcesses(before, after), null);
    const notes = flow.nodes.filter((n) => n.type === 'diff-note');
    expect(notes.map((n) => [n.id, n.data.text, n.data.status, n.position])).toEqual([
      ['note:map', 'Runs hourly', 'changed', { x: 0, y: 0 }],
      ['note:n2', 'Left out: ARCHIVE', 'added', { x: 40, y: 400 }],
    ]);
    expect(flow.nodes.find((n) => n.id === 'map')?.type).toBe('diff-shape');
    expect(notes.every((n) => n.draggable === false && n.selectable === false)).toBe(true);
  });

  it('shows everything of an import as added against an empty process', () => {
    const imported = addNote(saved(), { id: 'n1', text: 'Left out', position: { x: 0, y: 0 } });
    const diff = diffProcesses(emptyProcessLike(imported), imported);
    expect(diff.shapes.map((s) => s.status)).toEqual(['added', 'added', 'added']);
    expect(diff.connections.map((c) => c.status)).toEqual(['added', 'added']);
    expect(diff.notes.map((n) => n.status)).toEqual(['added']);
    // Same name, description and options: no process field reads as changed.
    expect(diff.process).toEqual([]);
    expect(diffSummary(diff)).toBe('3 shapes added · 2 connections added · 1 note added');
  });

  it('sums up what differs in words', () => {
    const before = saved();
    expect(diffSummary(diffProcesses(before, before))).toBe('No differences.');
    const after = addShape(removeShapes(before, ['stop']), {
      id: 'note',
      kind: 'notify',
      position: { x: 0, y: 0 },
    });
    expect(diffSummary(diffProcesses(before, after))).toBe(
      '1 shape added · 1 shape removed · 1 connection removed',
    );
  });
});
