import type { DocumentPreview, RunRecord, ShapeStats } from '@junction/api';
import { describe, expect, it } from 'vitest';
import { failingShapes, groupErrorsByShape } from './error-groups.ts';
import { runRecord } from './run-record.test-utils.ts';

const stats = (over: Partial<ShapeStats> = {}): ShapeStats => ({
  status: 'done',
  documentsIn: 1,
  documentsOut: 1,
  documentsInError: 0,
  ...over,
});

const run = (shapes: Record<string, ShapeStats>, error: string | null = null): RunRecord =>
  runRecord({ id: 'r1', status: 'error', executionStatus: 'ERROR', error, shapes });

const failed = (documentId: string, error: string | null): DocumentPreview => ({
  seq: 1,
  documentId,
  parentId: null,
  port: null,
  error,
  properties: {},
  data: '{}',
  truncated: false,
  size: 2,
});

describe('groupErrorsByShape', () => {
  it('lists each failing shape once, in the order the run reached it, with its documents', () => {
    const r = run({
      start: stats(),
      map: stats({ documentsInError: 2 }),
      stop: stats(),
      get: stats({ documentsInError: 1 }),
    });
    expect(failingShapes(r)).toEqual(['map', 'get']);
    const groups = groupErrorsByShape(r, {
      map: [failed('d1', 'bad date'), failed('d2', null)],
      get: [failed('d3', '404 Not Found')],
    });
    expect(groups).toEqual([
      {
        shapeId: 'map',
        count: 2,
        errors: [
          { documentId: 'd1', message: 'bad date' },
          { documentId: 'd2', message: 'Failed (no message)' },
        ],
        processError: null,
      },
      {
        shapeId: 'get',
        count: 1,
        errors: [{ documentId: 'd3', message: '404 Not Found' }],
        processError: null,
      },
    ]);
  });

  it('keeps the count while the documents load', () => {
    const r = run({ map: stats({ documentsInError: 3 }) });
    expect(groupErrorsByShape(r, {})).toEqual([
      { shapeId: 'map', count: 3, errors: [], processError: null },
    ]);
  });

  it('keeps an error that stopped the run at a shape with no failing document', () => {
    const r = run(
      { start: stats(), script: stats({ status: 'error', message: 'SyntaxError at line 2' }) },
      'Process stopped',
    );
    expect(groupErrorsByShape(r, {})).toEqual([
      { shapeId: 'script', count: 0, errors: [], processError: 'SyntaxError at line 2' },
    ]);
    const bare = run({ script: stats({ status: 'error' }) }, 'Process stopped');
    expect(groupErrorsByShape(bare, {})[0]?.processError).toBe('Process stopped');
  });

  it('has no group when nothing failed', () => {
    expect(groupErrorsByShape(run({ start: stats(), stop: stats() }), {})).toEqual([]);
  });
});
