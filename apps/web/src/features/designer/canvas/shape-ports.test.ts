import {
  createProcess,
  defaultShape,
  type ProcessDocument,
  SHAPE_KINDS,
  type Shape,
} from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { createFlowProjector } from './to-flow.ts';

/** Every kind, some configured so that they grow paths (Route keys, Process Call returns). */
function everyKind(): ProcessDocument {
  const doc = createProcess({ id: 'p', name: 'P' });
  const shapes: Record<string, Shape> = { ...doc.shapes };
  const layout = { ...doc.layout };
  for (const [i, kind] of SHAPE_KINDS.entries()) {
    if (kind !== 'start') {
      shapes[kind] = defaultShape(kind);
      layout[kind] = { x: i * 240, y: 0 };
    }
  }
  const route = defaultShape('route');
  shapes['route-keys'] = { ...route, config: { ...route.config, keys: ['EU', 'US'] } };
  const call = defaultShape('process-call');
  shapes['call-returns'] = { ...call, config: { ...call.config, returnPaths: ['ok', 'late'] } };
  const branch = defaultShape('branch');
  shapes['branch-4'] = { ...branch, config: { count: 4 } };
  return { ...doc, shapes, layout };
}

describe('ports on the canvas', () => {
  const nodes = createFlowProjector().nodes({
    document: everyKind(),
    selectedShapes: [],
    selectedConnections: [],
    measured: {},
    issues: [],
    runShapes: undefined,
    runConnections: undefined,
  });
  const ports = (id: string) => nodes.find((n) => n.id === id)?.data.ports.map((p) => p.label);

  it('labels every path of every kind that has several', () => {
    const multi = nodes.filter((n) => n.data.ports.length > 1);
    expect(multi.map((n) => n.id).sort()).toEqual(
      [
        'branch',
        'branch-4',
        'business-rules',
        'call-returns',
        'cleanse',
        'decision',
        'find-changes',
        'route-keys',
        'try-catch',
      ].sort(),
    );
    for (const node of multi) {
      expect(
        node.data.ports.every((p) => p.label.trim() !== ''),
        node.id,
      ).toBe(true);
    }
  });

  it('names the paths as Boomi does', () => {
    expect(ports('decision')).toEqual(['True', 'False']);
    expect(ports('try-catch')).toEqual(['Try', 'Catch']);
    expect(ports('branch-4')).toEqual(['Branch 1', 'Branch 2', 'Branch 3', 'Branch 4']);
    expect(ports('route-keys')).toEqual(['EU', 'US', 'Default']);
    expect(ports('call-returns')).toEqual(['ok', 'late']);
  });
});
