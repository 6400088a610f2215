import { describe, expect, it } from 'vitest';
import { createProcess } from '../create-process.ts';
import type { ProcessDocument } from '../schema/process.ts';
import { validateProcess } from '../validation/validate.ts';
import { addShape } from './add-shape.ts';
import { connectShapes } from './connect-shapes.ts';
import { copyShapes } from './copy-shapes.ts';
import { insertShapeOnConnection } from './insert-shape.ts';
import { MAX_SHAPES, pasteProblem, pasteShapes } from './paste-shapes.ts';

//  [start] -c1-> [dec] -true(c2)-> [yes]
//                      -false(c3)-> [no]
function decisionProcess(): ProcessDocument {
  let doc = createProcess({ id: 'p', name: 'P' });
  doc = addShape(doc, { id: 'dec', kind: 'decision', position: { x: 200, y: 100 } });
  doc = addShape(doc, { id: 'yes', kind: 'stop', position: { x: 400, y: 50 } });
  doc = addShape(doc, { id: 'no', kind: 'stop', position: { x: 400, y: 150 } });
  const link = (id: string, from: string, port: string, to: string) => {
    doc = connectShapes(doc, { id, from: { shape: from, port }, to: { shape: to } });
  };
  link('c1', 'start', 'default', 'dec');
  link('c2', 'dec', 'true', 'yes');
  link('c3', 'dec', 'false', 'no');
  return doc;
}

const copyId = (id: string) => `${id}-copy`;

describe('copyShapes / pasteShapes', () => {
  it('copies the selection and the connections inside it; Start and outside links stay behind', () => {
    //  copy {start, dec, yes}: c2 (dec→yes) comes along; c1 (from Start) and c3 (to no) do not
    const doc = decisionProcess();
    const fragment = copyShapes(doc, ['start', 'dec', 'yes', 'ghost'], copyId, { x: 10, y: 20 });
    expect(Object.keys(fragment.shapes)).toEqual(['dec-copy', 'yes-copy']);
    expect(fragment.connections).toEqual([
      { id: 'c2-copy', from: { shape: 'dec-copy', port: 'true' }, to: { shape: 'yes-copy' } },
    ]);
    expect(fragment.layout['dec-copy']).toEqual({ x: 210, y: 120 });
    expect(fragment.shapes['dec-copy']).toEqual(doc.shapes['dec']);
    expect(fragment.shapes['dec-copy']).not.toBe(doc.shapes['dec']);
  });

  it('pastes into the document; the result is still a valid graph', () => {
    const doc = decisionProcess();
    const pasted = pasteShapes(doc, copyShapes(doc, ['dec', 'yes'], copyId, { x: 0, y: 200 }));
    expect(Object.keys(pasted.shapes)).toHaveLength(6);
    expect(pasted.connections).toHaveLength(4);
    const errors = validateProcess(pasted).filter((i) => i.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('refuses a paste whose ids are taken or that passes 250 shapes', () => {
    const doc = decisionProcess();
    const same = copyShapes(doc, ['dec'], (id) => id, { x: 0, y: 0 });
    expect(pasteProblem(doc, same)).toMatch(/already exists/);
    expect(pasteShapes(doc, same)).toBe(doc);
    const many = copyShapes(doc, ['yes'], copyId, { x: 0, y: 0 });
    const big = {
      ...doc,
      notes: Array.from({ length: MAX_SHAPES - 4 }, (_, i) => ({
        id: `n${i}`,
        text: '',
        position: { x: 0, y: 0 },
      })),
    };
    expect(pasteProblem(big, many)).toMatch(/at most 250/);
  });
});

describe('insertShapeOnConnection', () => {
  it('splits A → B into A → new → B through the new shape’s first port', () => {
    //  [start] -c1-> [dec]   becomes   [start] -c1-> [map] -c9-> [dec]
    const doc = insertShapeOnConnection(
      decisionProcess(),
      'c1',
      { id: 'map', kind: 'map', position: { x: 100, y: 100 } },
      'c9',
    );
    expect(doc.connections.filter((c) => ['c1', 'c9'].includes(c.id))).toEqual([
      { id: 'c1', from: { shape: 'start', port: 'default' }, to: { shape: 'map' } },
      { id: 'c9', from: { shape: 'map', port: 'default' }, to: { shape: 'dec' } },
    ]);
  });

  it('refuses terminal shapes, unknown connections and taken ids', () => {
    const doc = decisionProcess();
    const stop = { id: 's', kind: 'stop', position: { x: 0, y: 0 } } as const;
    expect(insertShapeOnConnection(doc, 'c1', stop, 'c9')).toBe(doc);
    const map = { id: 'm', kind: 'map', position: { x: 0, y: 0 } } as const;
    expect(insertShapeOnConnection(doc, 'nope', map, 'c9')).toBe(doc);
    expect(insertShapeOnConnection(doc, 'c1', map, 'c2')).toBe(doc);
    expect(insertShapeOnConnection(doc, 'c1', { ...map, id: 'dec' }, 'c9')).toBe(doc);
  });
});

describe('process size', () => {
  it('warns from 100 shapes and notes and refuses more than 250', () => {
    const doc = createProcess({ id: 'p', name: 'P' });
    const notes = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `n${i}`, text: '', position: { x: 0, y: 0 } }));
    expect(validateProcess({ ...doc, notes: notes(99) }).map((i) => i.code)).toContain(
      'process.many-shapes',
    );
    expect(
      validateProcess({ ...doc, notes: notes(250) }).map((i) => [i.code, i.pointer]),
    ).toContainEqual(['process.too-many-shapes', '/shapes']);
  });
});
