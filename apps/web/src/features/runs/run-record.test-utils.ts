import type { RunRecord } from '@junction/api';

/**
 * A run record for a test: a complete test run of process `p` with no shapes and no
 * counts, unless `over` says otherwise (what the test is about).
 */
export function runRecord(over: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'r',
    processId: 'p',
    processName: 'P',
    revision: null,
    connectionId: null,
    executionType: 'test_manual',
    originalRunId: null,
    deploymentId: null,
    environmentId: null,
    status: 'complete',
    executionStatus: 'COMPLETE',
    error: null,
    shapes: {},
    connections: {},
    documentsIn: 0,
    documentsOut: 0,
    documentsInError: 0,
    documentsStored: 0,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    durationMs: null,
    ...over,
  };
}
