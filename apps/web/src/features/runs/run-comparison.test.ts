import type { DocumentPreview, RunRecord, ShapeStats } from '@junction/api';
import { addShape, connectShapes, createProcess } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import {
  comparedDirection,
  pairDocuments,
  shapesInRunOrder,
  sideBySide,
} from './run-comparison.ts';
import { runRecord } from './run-record.test-utils.ts';

const stats: ShapeStats = { status: 'done', documentsIn: 1, documentsOut: 1, documentsInError: 0 };

const run = (shapeIds: string[]): RunRecord =>
  runRecord({ shapes: Object.fromEntries(shapeIds.map((id) => [id, stats])) });

const preview = (data: string, over: Partial<DocumentPreview> = {}): DocumentPreview => ({
  seq: 1,
  documentId: `d-${data}`,
  parentId: null,
  port: null,
  error: null,
  properties: {},
  data,
  truncated: false,
  size: data.length,
  ...over,
});

/** Start -> map -> stop, with `map` added after `stop` so document order is not run order. */
function process() {
  let doc = createProcess({ id: 'p', name: 'P' });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 600, y: 0 } });
  doc = addShape(doc, { id: 'map', kind: 'message', position: { x: 300, y: 0 } });
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

describe('shapesInRunOrder', () => {
  it('lists the shapes either run reached in process order, deleted shapes last', () => {
    const doc = process();
    expect(shapesInRunOrder(doc, [run(['stop', 'start']), run(['gone', 'map', 'start'])])).toEqual([
      'start',
      'map',
      'stop',
      'gone',
    ]);
  });

  it('leaves out shapes neither run reached, and keeps run order without a process', () => {
    expect(shapesInRunOrder(process(), [run(['start', 'map'])])).toEqual(['start', 'map']);
    expect(shapesInRunOrder(undefined, [run(['start', 'x']), run(['y'])])).toEqual([
      'start',
      'x',
      'y',
    ]);
  });
});

describe('comparedDirection', () => {
  it('compares what Start produced and what every other shape received', () => {
    const doc = process();
    expect(comparedDirection(doc, 'start')).toBe('out');
    expect(comparedDirection(doc, 'map')).toBe('in');
    expect(comparedDirection(undefined, 'start')).toBe('out');
  });
});

describe('pairDocuments', () => {
  it('pairs by position and marks data changes by structure, not spacing', () => {
    const pairs = pairDocuments(
      [preview('{"n":1}'), preview('{"n":2}')],
      [preview('{ "n": 1 }'), preview('{"n":3}')],
    );
    expect(pairs.map((p) => [p.position, p.changed])).toEqual([
      [0, false],
      [1, true],
    ]);
    expect(pairs[1]?.before?.data).toBe('{"n":2}');
    expect(pairs[1]?.after?.data).toBe('{"n":3}');
  });

  it('marks a changed property, a different full size, and a document only one run has', () => {
    const pairs = pairDocuments(
      [
        preview('a', { properties: { p: '1' } }),
        preview('cut', { truncated: true, size: 20_000 }),
        preview('x'),
      ],
      [preview('a', { properties: { p: '2' } }), preview('cut', { truncated: true, size: 20_001 })],
    );
    expect(pairs.map((p) => p.changed)).toEqual([true, true, true]);
    expect(pairs[2]?.after).toBeUndefined();
  });
});

describe('sideBySide', () => {
  it('indents JSON and marks the changed line against the same lines', () => {
    expect(sideBySide('{"a":1,"b":2}', '{"a":1,"b":3}')).toEqual([
      { kind: 'same', before: { number: 1, text: '{' }, after: { number: 1, text: '{' } },
      {
        kind: 'same',
        before: { number: 2, text: '  "a": 1,' },
        after: { number: 2, text: '  "a": 1,' },
      },
      {
        kind: 'changed',
        before: { number: 3, text: '  "b": 2' },
        after: { number: 3, text: '  "b": 3' },
      },
      { kind: 'same', before: { number: 4, text: '}' }, after: { number: 4, text: '}' } },
    ]);
  });

  it('shows added and removed lines on their side only, and keeps numbering per side', () => {
    const rows = sideBySide('one\ntwo\nthree', 'one\nthree\nfour');
    expect(rows.map((r) => r.kind)).toEqual(['same', 'removed', 'same', 'added']);
    expect(rows[3]).toEqual({ kind: 'added', after: { number: 3, text: 'four' } });
    expect(rows[2]).toEqual({
      kind: 'same',
      before: { number: 3, text: 'three' },
      after: { number: 2, text: 'three' },
    });
  });

  it('treats a missing document as no lines', () => {
    expect(sideBySide(null, 'x\ny').map((r) => r.kind)).toEqual(['added', 'added']);
    expect(sideBySide('x', null)).toEqual([{ kind: 'removed', before: { number: 1, text: 'x' } }]);
    expect(sideBySide('same', 'same')).toHaveLength(1);
  });
});
