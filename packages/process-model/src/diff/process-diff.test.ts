import { describe, expect, it } from 'vitest';
import { createProcess } from '../create-process.ts';
import { everyShapeProcess } from '../fixtures/every-shape.ts';
import { renderPath } from '../json/data-path.ts';
import { addShape } from '../operations/add-shape.ts';
import { connectShapes, disconnect } from '../operations/connect-shapes.ts';
import { moveShapes } from '../operations/move-shapes.ts';
import { addNote, updateNoteText } from '../operations/notes.ts';
import { removeShapes } from '../operations/remove-shapes.ts';
import { renameProcess, updateShape } from '../operations/update-shape.ts';
import type { ProcessDocument } from '../schema/process.ts';
import { diffProcesses } from './process-diff.ts';

/** Start → map → stop, the revision every case below edits. */
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

const statusOf = (doc: ReturnType<typeof diffProcesses>, id: string) =>
  doc.shapes.find((s) => s.id === id)?.status;

describe('diffProcesses', () => {
  it('finds nothing between a revision and itself, even a large one', () => {
    const doc = everyShapeProcess();
    const diff = diffProcesses(doc, structuredClone(doc));
    expect(diff.sameBehaviour).toBe(true);
    expect(diff.shapes.every((s) => s.status === 'unchanged' && s.moved === null)).toBe(true);
    expect(diff.connections.every((c) => c.status === 'unchanged')).toBe(true);
  });

  it('reports added, removed and changed shapes, with each changed field old and new', () => {
    const before = saved();
    let after = removeShapes(before, ['stop']);
    after = addShape(after, { id: 'decide', kind: 'decision', position: { x: 500, y: 160 } });
    const map = after.shapes['map'];
    if (map?.kind !== 'map') {
      throw new Error('fixture');
    }
    after = updateShape(after, 'map', {
      ...map,
      label: 'Order lines',
      config: { ...map.config, mappings: [{ from: 'qty', to: 'quantity' }] },
    });
    const diff = diffProcesses(before, after);
    expect(statusOf(diff, 'decide')).toBe('added');
    expect(statusOf(diff, 'stop')).toBe('removed');
    // A removed shape keeps its old place, so the canvas can ghost it there.
    expect(diff.shapes.find((s) => s.id === 'stop')?.position).toEqual({ x: 500, y: 160 });
    const changed = diff.shapes.find((s) => s.id === 'map');
    expect(changed?.status).toBe('changed');
    expect(changed?.fields.map((f) => [renderPath(f.path), f.kind, f.before, f.after])).toEqual([
      ['config.mappings[0]', 'added', undefined, { from: 'qty', to: 'quantity' }],
      ['label', 'changed', '', 'Order lines'],
    ]);
    expect(diff.sameBehaviour).toBe(false);
  });

  it('tells a move from a change', () => {
    const before = saved();
    const after = moveShapes(before, { map: { x: 320, y: 400 } });
    const diff = diffProcesses(before, after);
    const map = diff.shapes.find((s) => s.id === 'map');
    expect(map).toMatchObject({
      status: 'unchanged',
      moved: { from: { x: 300, y: 160 }, to: { x: 320, y: 400 } },
    });
    expect(diff.sameBehaviour).toBe(true);
  });

  it('matches connections by what they join, not by id', () => {
    const before = saved();
    // The same link under a new id (a paste, an import) is the same connection.
    let after = disconnect(before, ['c2']);
    after = connectShapes(after, {
      id: 'pasted',
      from: { shape: 'map', port: 'default' },
      to: { shape: 'stop' },
    });
    expect(diffProcesses(before, after).connections.map((c) => c.status)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    after = disconnect(before, ['c1']);
    const diff = diffProcesses(before, after);
    expect(
      diff.connections.filter((c) => c.status === 'removed').map((c) => c.connection.id),
    ).toEqual(['c1']);
    expect(diff.sameBehaviour).toBe(false);
  });

  it('compares notes and the process itself, apart from behaviour', () => {
    const before = addNote(saved(), { id: 'n1', text: 'Runs nightly', position: { x: 0, y: 0 } });
    const after = renameProcess(updateNoteText(before, 'n1', 'Runs hourly'), 'Orders v2');
    const diff = diffProcesses(before, after);
    expect(diff.notes[0]).toMatchObject({ id: 'n1', status: 'changed' });
    expect(diff.process.map((c) => [renderPath(c.path), c.before, c.after])).toEqual([
      ['name', 'Orders', 'Orders v2'],
    ]);
    expect(diff.sameBehaviour).toBe(true);
  });

  it('treats ids Object.prototype knows as ordinary shape ids', () => {
    const before = saved();
    const after = addShape(before, {
      id: 'constructor',
      kind: 'stop',
      position: { x: 700, y: 160 },
    });
    const diff = diffProcesses(before, after);
    expect(statusOf(diff, 'constructor')).toBe('added');
    expect(diffProcesses(after, before).shapes.find((s) => s.id === 'constructor')?.status).toBe(
      'removed',
    );
  });
});
