import { addShape, connectShapes, createProcess, moveShapes } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { createFlowProjector, type FlowInputs } from './to-flow.ts';

function inputs(overrides: Partial<FlowInputs> = {}): FlowInputs {
  let document = createProcess({ id: 'p', name: 'P' });
  document = addShape(document, { id: 'c', kind: 'connector', position: { x: 300, y: 100 } });
  document = connectShapes(document, {
    id: 'e1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'c' },
  });
  return {
    document,
    selectedShapes: [],
    selectedConnections: [],
    measured: {},
    issues: [],
    runShapes: undefined,
    runConnections: undefined,
    ...overrides,
  };
}

describe('flow projection', () => {
  it('marks breakpoints and the shape a run waits before, and repaints only those nodes', () => {
    const { nodes } = createFlowProjector();
    const base = inputs();
    const [start, connector] = nodes(base);
    const [startAgain, marked] = nodes({ ...base, breakpoints: ['c'], pausedShape: 'c' });
    expect(marked?.data).toMatchObject({ breakpoint: true, paused: true });
    expect(marked).not.toBe(connector);
    expect(startAgain).toBe(start);
    expect(startAgain?.data).toMatchObject({ breakpoint: false, paused: false });
  });

  it('derives one node per shape with its ports, summary and position', () => {
    const { nodes } = createFlowProjector();
    const [start, connector] = nodes(inputs());
    expect(start).toMatchObject({
      id: 'start',
      deletable: false,
      data: { title: 'Start', summary: 'No Data' },
    });
    expect(connector).toMatchObject({
      id: 'c',
      position: { x: 300, y: 100 },
      data: { title: 'Connector', summary: 'Not configured' },
    });
    expect(connector?.data.ports.map((p) => p.id)).toEqual(['default']);
    expect(start?.data.connectedPorts).toEqual(['default']);
  });

  it('keeps the same node object for shapes an edit did not touch', () => {
    const projector = createFlowProjector();
    const before = inputs();
    const first = projector.nodes(before);
    const moved = projector.nodes({
      ...before,
      document: moveShapes(before.document, { c: { x: 1, y: 2 } }),
    });
    expect(moved[0]).toBe(first[0]);
    expect(moved[1]).not.toBe(first[1]);
    expect(moved[1]?.position).toEqual({ x: 1, y: 2 });
  });

  it('labels edges with the documents a run carried along them', () => {
    const { edges } = createFlowProjector();
    expect(edges(inputs({ runConnections: { e1: 1 } }))).toEqual([
      expect.objectContaining({
        id: 'e1',
        source: 'start',
        sourceHandle: 'default',
        target: 'c',
        label: '1 doc',
      }),
    ]);
  });
});
