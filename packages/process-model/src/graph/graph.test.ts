import { describe, expect, it } from 'vitest';
import { createProcess } from '../create-process.ts';
import { addShape } from '../operations/add-shape.ts';
import type { ProcessDocument } from '../schema/process.ts';
import type { ShapeKind } from '../schema/shapes.ts';
import { shapesOnCycles } from './cycles.ts';
import { outgoingByPort } from './outgoing.ts';
import { pathExists } from './path-exists.ts';
import { predecessors } from './predecessors.ts';
import { runOrder } from './run-order.ts';
import { successors } from './successors.ts';
import { topologicalOrder } from './topological-order.ts';

/** Builds a process from shapes and `from:port>to` wires, in the order written. */
function graph(shapes: Record<string, ShapeKind>, wires: string[]): ProcessDocument {
  let doc = createProcess({ id: 'p', name: 'P' });
  for (const [id, kind] of Object.entries(shapes)) {
    doc = addShape(doc, { id, kind, position: { x: 0, y: 0 } });
  }
  // Wires are written directly (not connectShapes) so loops can be drawn too.
  const connections = wires.map((w, i) => {
    const [from = '', rest = ''] = w.split(':');
    const [port = '', to = ''] = rest.split('>');
    return { id: `c${i}`, from: { shape: from, port }, to: { shape: to } };
  });
  return { ...doc, connections };
}

//                      ┌─1─> [a:map] ──> [j:map] ──> [end:stop]
//  [start] ──> [b:branch]                 ^
//                      └─2─> [d:decision] ┤ true
//                                 └ false ─> [x:stop]
// Wires are listed in a scrambled order: kernels must follow ports, not the file.
const diamond = () =>
  graph({ b: 'branch', a: 'map', d: 'decision', j: 'map', end: 'stop', x: 'stop' }, [
    'd:false>x',
    'b:2>d',
    'start:default>b',
    'd:true>j',
    'b:1>a',
    'a:default>j',
    'j:default>end',
  ]);

describe('graph kernels', () => {
  it('successors follow port run order; predecessors follow the file', () => {
    const doc = diamond();
    expect(successors(doc, 'b')).toEqual(['a', 'd']);
    expect(successors(doc, 'd')).toEqual(['j', 'x']);
    expect(successors(doc, 'end')).toEqual([]);
    expect(predecessors(doc, 'j')).toEqual(['d', 'a']);
    expect(predecessors(doc, 'start')).toEqual([]);
  });

  it('answers whether a path exists', () => {
    const doc = diamond();
    expect(pathExists(doc, 'start', 'x')).toBe(true);
    expect(pathExists(doc, 'a', 'x')).toBe(false);
    expect(pathExists(doc, 'j', 'j')).toBe(true);
    expect(pathExists(doc, 'end', 'start')).toBe(false);
  });

  it('orders shapes topologically, and gives null for a loop', () => {
    const order = topologicalOrder(diamond()) ?? [];
    expect(order).toHaveLength(7);
    const before = (a: string, b: string) => order.indexOf(a) < order.indexOf(b);
    for (const [a, b] of [
      ['start', 'b'],
      ['b', 'a'],
      ['b', 'd'],
      ['a', 'j'],
      ['d', 'j'],
      ['j', 'end'],
      ['d', 'x'],
    ] as const) {
      expect(before(a, b), `${a} before ${b}`).toBe(true);
    }
    //  [start] ──> [m1] ──> [m2] ─┐
    //               ^─────────────┘
    const loop = graph({ m1: 'map', m2: 'map' }, [
      'start:default>m1',
      'm1:default>m2',
      'm2:default>m1',
    ]);
    expect(topologicalOrder(loop)).toBeNull();
    expect([...shapesOnCycles(loop)].sort()).toEqual(['m1', 'm2']);
    expect(shapesOnCycles(diamond()).size).toBe(0);
  });

  it('lists the run order: depth first, ports in order, a shape once per arriving path', () => {
    // Branch 1 runs to its end (a, j, end) before Branch 2 (d, then True: j, end; False: x).
    expect(runOrder(diamond())).toEqual(['start', 'b', 'a', 'j', 'end', 'd', 'j', 'end', 'x']);
  });

  it('runs Cleanse Rejected before Clean and Try before Catch, whatever the file says', () => {
    //  [start] ──> [c:cleanse] ─clean──> [ok:stop]
    //                         └rejected─> [t:try-catch] ─try──> [s1:stop]
    //                                                   └catch─> [s2:stop]
    const doc = graph({ c: 'cleanse', ok: 'stop', t: 'try-catch', s1: 'stop', s2: 'stop' }, [
      'start:default>c',
      'c:clean>ok',
      'c:rejected>t',
      't:catch>s2',
      't:try>s1',
    ]);
    expect(runOrder(doc)).toEqual(['start', 'c', 't', 's1', 's2', 'ok']);
  });

  it('does not go round a loop, and stops at the limit when paths multiply', () => {
    const loop = graph({ m1: 'map', m2: 'map' }, [
      'start:default>m1',
      'm1:default>m2',
      'm2:default>m1',
    ]);
    expect(runOrder(loop)).toEqual(['start', 'm1', 'm2']);
    //  ten diamonds in a row: 2^10 paths reach the last shape
    const shapes: Record<string, ShapeKind> = {};
    const wires = ['start:default>b0'];
    for (let i = 0; i < 10; i++) {
      shapes[`b${i}`] = 'branch';
      shapes[`l${i}`] = 'map';
      shapes[`r${i}`] = 'map';
      wires.push(
        `b${i}:1>l${i}`,
        `b${i}:2>r${i}`,
        `l${i}:default>b${i + 1}`,
        `r${i}:default>b${i + 1}`,
      );
    }
    shapes['b10'] = 'stop';
    expect(runOrder(graph(shapes, wires), { limit: 500 })).toHaveLength(500);
  });
});

describe('outgoingByPort', () => {
  it("indexes each shape's connections by port, keeping a port's first as a run follows it", () => {
    const doc = graph({ d: 'decision', a: 'stop', b: 'stop' }, [
      'start:default>d',
      'd:true>a',
      'd:true>b',
      'd:false>b',
    ]);
    const byPort = outgoingByPort(doc);
    expect(byPort.get('d')?.get('true')?.to.shape).toBe('a');
    expect(byPort.get('d')?.get('false')?.to.shape).toBe('b');
    expect(byPort.get('a')).toBeUndefined();
  });
});
