import { createProcess, defaultShape, type ProcessDocument } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { addNewShape, attachPort, freePort } from './add-new-shape.ts';
import { DEFAULT_SHAPE_SIZE } from './free-position.ts';

function add(
  doc: ProcessDocument,
  id: string,
  kind: 'map' | 'branch' | 'stop' | 'decision',
  extra: Partial<Parameters<typeof addNewShape>[1]> = {},
): ProcessDocument {
  return addNewShape(
    doc,
    { id, kind, shape: defaultShape(kind), connectionId: `c-${id}`, ...extra },
    {},
  );
}

function overlapping(doc: ProcessDocument): string[][] {
  const ids = Object.keys(doc.layout);
  const pairs: string[][] = [];
  const { width, height } = DEFAULT_SHAPE_SIZE;
  for (const [i, a] of ids.entries()) {
    for (const b of ids.slice(i + 1)) {
      const p = doc.layout[a];
      const q = doc.layout[b];
      if (p && q && Math.abs(p.x - q.x) < width && Math.abs(p.y - q.y) < height) {
        pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

const base = createProcess({ id: 'p', name: 'P' });

describe('which port a new shape connects to', () => {
  it('is the first free port of the one selected shape', () => {
    let doc = add(base, 'b', 'branch');
    expect(attachPort(doc, ['b'])).toEqual({ shape: 'b', port: '1' });
    doc = add(doc, 'm', 'map', { after: { shape: 'b', port: '1' } });
    expect(attachPort(doc, ['b'])).toEqual({ shape: 'b', port: '2' });
  });

  it('is none when the selected shape has no free port, or nothing or several are selected', () => {
    const doc = add(
      add(base, 'm', 'map', { after: { shape: 'start', port: 'default' } }),
      's',
      'stop',
    );
    expect(freePort(doc, 'start')).toBeUndefined();
    expect(attachPort(doc, ['start'])).toBeUndefined();
    expect(attachPort(doc, ['s'])).toBeUndefined();
    expect(attachPort(doc, [])).toBeUndefined();
    expect(attachPort(doc, ['m', 's'])).toBeUndefined();
    expect(attachPort(doc, ['note:n1'])).toBeUndefined();
  });

  it('takes Decision’s True before False', () => {
    const doc = add(base, 'd', 'decision');
    expect(freePort(doc, 'd')).toBe('true');
  });
});

describe('addNewShape', () => {
  it('connects the port to the new shape and puts it to the right of its source', () => {
    const doc = add(base, 'm', 'map', { after: { shape: 'start', port: 'default' } });
    expect(doc.connections).toEqual([
      { id: 'c-m', from: { shape: 'start', port: 'default' }, to: { shape: 'm' } },
    ]);
    const start = doc.layout['start'];
    expect(doc.layout['m']).toEqual({ x: (start?.x ?? 0) + 240, y: start?.y });
  });

  it('never lands on another shape, however many are added at one spot', () => {
    let doc = base;
    for (let i = 0; i < 12; i++) {
      doc = add(doc, `m${i}`, 'map', { near: { x: 80, y: 160 } });
    }
    expect(Object.keys(doc.shapes)).toHaveLength(13);
    expect(overlapping(doc)).toEqual([]);
  });

  it('keeps a second branch path clear of the first path’s shape', () => {
    let doc = add(base, 'b', 'branch');
    doc = add(doc, 'one', 'map', { after: { shape: 'b', port: '1' } });
    doc = add(doc, 'two', 'map', { after: { shape: 'b', port: '2' } });
    expect(doc.connections.map((c) => [c.from.port, c.to.shape])).toEqual([
      ['1', 'one'],
      ['2', 'two'],
    ]);
    expect(overlapping(doc)).toEqual([]);
  });

  it('uses measured sizes, so a tall shape is not covered', () => {
    const doc = addNewShape(
      base,
      {
        id: 'm',
        kind: 'map',
        shape: defaultShape('map'),
        connectionId: 'c',
        near: { x: 80, y: 300 },
      },
      { start: { width: 210, height: 300 } },
    );
    expect(doc.layout['m']?.y).toBeGreaterThanOrEqual(160 + 300);
  });
});
