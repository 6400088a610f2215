import { addShape, connectShapes, createProcess } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { autoLayout } from './auto-layout.ts';

describe('auto-layout', () => {
  it('lays shapes out left to right with Branch 1 above Branch 2', async () => {
    //            /-1-> [a]
    //  [start] -> [branch]
    //            \-2-> [b]
    let doc = createProcess({ id: 'p', name: 'P' });
    doc = addShape(doc, { id: 'branch', kind: 'branch', position: { x: 0, y: 0 } });
    doc = addShape(doc, { id: 'b', kind: 'stop', position: { x: 0, y: 0 } });
    doc = addShape(doc, { id: 'a', kind: 'stop', position: { x: 0, y: 0 } });
    doc = connectShapes(doc, {
      id: 'c0',
      from: { shape: 'start', port: 'default' },
      to: { shape: 'branch' },
    });
    doc = connectShapes(doc, {
      id: 'c2',
      from: { shape: 'branch', port: '2' },
      to: { shape: 'b' },
    });
    doc = connectShapes(doc, {
      id: 'c1',
      from: { shape: 'branch', port: '1' },
      to: { shape: 'a' },
    });
    const at = await autoLayout(doc, {});
    expect(at['start']!.x).toBeLessThan(at['branch']!.x);
    expect(at['branch']!.x).toBeLessThan(at['a']!.x);
    expect(at['a']!.y).toBeLessThan(at['b']!.y);
  });
});
