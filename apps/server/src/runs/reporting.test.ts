import { addShape, connectShapes, createProcess, updateShape } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { reportingCounts } from './reporting.ts';
import { startingAtShape } from './rerun-from-shape.ts';

function process() {
  let doc = createProcess({ id: 'p', name: 'P' });
  doc = addShape(doc, { id: 'send', kind: 'connector', position: { x: 200, y: 0 } });
  doc = addShape(doc, { id: 'stop', kind: 'stop', position: { x: 400, y: 0 } });
  doc = connectShapes(doc, {
    id: 'c1',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'send' },
  });
  doc = connectShapes(doc, {
    id: 'c2',
    from: { shape: 'send', port: 'default' },
    to: { shape: 'stop' },
  });
  const send = doc.shapes['send'];
  if (send?.kind !== 'connector') {
    throw new Error('unreachable');
  }
  return updateShape(doc, 'send', {
    ...send,
    config: { ...send.config, action: 'create', object: 'case' },
  });
}

const stats = (documentsIn: number, documentsOut: number, documentsInError = 0) => ({
  status: 'done' as const,
  documentsIn,
  documentsOut,
  documentsInError,
  elapsedMs: 1,
});

describe('Process Reporting counts', () => {
  it('counts In only for documents Start brought in, Out for documents sent to outbound connectors', () => {
    const outcome = {
      status: 'error' as const,
      shapes: { start: stats(0, 3), send: stats(3, 2, 1), stop: stats(2, 0) },
      connections: {},
      failedDocuments: [{ document: { id: 'd1', data: '', properties: {} }, message: 'x' }],
    };
    // A no-data Start makes one empty document: that is not inbound data.
    expect(reportingCounts(process(), outcome, false)).toEqual({
      documentsIn: 0,
      documentsOut: 3,
      documentsInError: 1,
    });
    expect(reportingCounts(process(), outcome, true).documentsIn).toBe(3);
  });
});

describe('re-run from a shape', () => {
  it('turns Start into a passthrough wired only to the chosen shape, ids unchanged', () => {
    const variant = startingAtShape(process(), 'stop');
    expect(variant.shapes['start']?.config).toEqual({ mode: 'passthrough' });
    expect(variant.connections).toEqual([
      { id: 'c2', from: { shape: 'send', port: 'default' }, to: { shape: 'stop' } },
      { id: 'rerun-entry', from: { shape: 'start', port: 'default' }, to: { shape: 'stop' } },
    ]);
    expect(startingAtShape(process(), 'start')).toEqual(process());
  });
});
