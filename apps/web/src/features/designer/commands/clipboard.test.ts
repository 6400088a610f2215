import { addShape, connectShapes, createProcess } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { copySelection, fragmentToText, parseFragment, pasteFragment } from './clipboard.ts';

function twoShapes() {
  //  [start] -> [map] -> [stop]
  let doc = createProcess({ id: 'p', name: 'P' });
  doc = addShape(doc, { id: 'map', kind: 'map', position: { x: 200, y: 0 } });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 400, y: 0 } });
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

describe('copy and paste through the clipboard', () => {
  it('copies the selection with the connections between copied shapes, never Start', () => {
    const fragment = copySelection(twoShapes(), ['start', 'map', 'stop']);
    expect(Object.keys(fragment.shapes).sort()).toEqual(['map', 'stop']);
    expect(fragment.connections.map((c) => c.id)).toEqual(['c2']);
  });

  it('round-trips as text and pastes with fresh ids, offset, into another process', () => {
    const text = fragmentToText(copySelection(twoShapes(), ['map', 'stop']));
    const parsed = parseFragment(text);
    if (!('fragment' in parsed)) {
      throw new Error(parsed.problem);
    }
    const target = createProcess({ id: 'other', name: 'Other' });
    const first = pasteFragment(target, parsed.fragment, { x: 40, y: 40 });
    if (!('document' in first)) {
      throw new Error(first.problem);
    }
    const second = pasteFragment(first.document, parsed.fragment, { x: 80, y: 80 });
    if (!('document' in second)) {
      throw new Error(second.problem);
    }
    expect(Object.keys(second.document.shapes)).toHaveLength(5);
    expect(second.document.connections).toHaveLength(2);
    const mapCopy = first.pasted.find((id) => first.document.shapes[id]?.kind === 'map')!;
    expect(first.document.layout[mapCopy]).toEqual({ x: 240, y: 40 });
  });

  it('refuses foreign or corrupted clipboard text with a reason', () => {
    expect(parseFragment('hello')).toEqual({
      problem: 'The clipboard does not hold Junction shapes.',
    });
    const text = fragmentToText(copySelection(twoShapes(), ['map']));
    const corrupted = text.replace('"kind": "map"', '"kind": "teleport"');
    expect(parseFragment(corrupted)).toMatchObject({
      problem: expect.stringContaining('not valid'),
    });
  });
});
