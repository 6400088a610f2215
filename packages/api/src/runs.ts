import Type, { type Static } from 'typebox';
import { PauseStateSchema } from './run-debug.ts';
import { Nullable } from './schema-helpers.ts';

export const ShapeStatsSchema = Type.Object({
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('error')]),
  documentsIn: Type.Integer(),
  documentsOut: Type.Integer(),
  documentsInError: Type.Integer(),
  /** The shape's own time; absent in runs stored before it was measured. */
  elapsedMs: Type.Optional(Type.Number()),
  /** A process error (the run stopped here), or the first document error. */
  message: Type.Optional(Type.String()),
});
export type ShapeStats = Static<typeof ShapeStatsSchema>;

/** A run's status once it has ended: what the runtime ended with, or discarded before it ran. */
export const FinishedRunStatusSchema = Type.Union([
  Type.Literal('complete'),
  Type.Literal('complete-warn'),
  Type.Literal('error'),
  Type.Literal('aborted'),
  Type.Literal('discarded'),
]);
export type FinishedRunStatus = Static<typeof FinishedRunStatusSchema>;

/** A run's status as stored: running or finished. */
export const StoredRunStatusSchema = Type.Union([
  Type.Literal('running'),
  ...FinishedRunStatusSchema.anyOf,
]);
export type StoredRunStatus = Static<typeof StoredRunStatusSchema>;

/** Boomi's ExecutionRecord.executionType values Junction produces (process-semantics.md §8). */
export const ExecutionTypeSchema = Type.Union([
  Type.Literal('test_manual'),
  Type.Literal('exec_manual'),
  Type.Literal('exec_sched'),
  Type.Literal('exec_listener'),
  Type.Literal('retry_manual'),
]);
export type ExecutionType = Static<typeof ExecutionTypeSchema>;

/** Boomi's ExecutionRecord.status for a stored run. */
export const ExecutionStatusSchema = Type.Union([
  Type.Literal('INPROCESS'),
  Type.Literal('COMPLETE'),
  Type.Literal('COMPLETE_WARN'),
  Type.Literal('ERROR'),
  Type.Literal('ABORTED'),
  Type.Literal('DISCARDED'),
]);
export type ExecutionStatus = Static<typeof ExecutionStatusSchema>;

export const EXECUTION_STATUS: Record<StoredRunStatus, ExecutionStatus> = {
  running: 'INPROCESS',
  complete: 'COMPLETE',
  'complete-warn': 'COMPLETE_WARN',
  error: 'ERROR',
  aborted: 'ABORTED',
  discarded: 'DISCARDED',
};

const Counts = Type.Record(Type.String(), Type.Integer());

export const RunRecordSchema = Type.Object({
  id: Type.String(),
  processId: Nullable(Type.String()),
  processName: Type.String(),
  /** The saved revision an execution ran; null for a test of the editor's copy. */
  revision: Nullable(Type.Integer()),
  /** The connection that replaced every connector's for a test; null = the process's own. */
  connectionId: Nullable(Type.String()),
  executionType: ExecutionTypeSchema,
  /** The run this one retried or re-ran from a shape. */
  originalRunId: Nullable(Type.String()),
  /** The deployment (and its environment) an execution ran; null for tests and manual runs. */
  deploymentId: Nullable(Type.String()),
  environmentId: Nullable(Type.String()),
  status: StoredRunStatusSchema,
  executionStatus: ExecutionStatusSchema,
  error: Nullable(Type.String()),
  shapes: Type.Record(Type.String(), ShapeStatsSchema),
  /** Documents carried per connection id. */
  connections: Counts,
  /** Reporting counts (§10): Start's documents in, outbound connector documents out. */
  documentsIn: Type.Integer(),
  documentsOut: Type.Integer(),
  documentsInError: Type.Integer(),
  /** Document rows kept for the run's shapes (0 when storing them failed). */
  documentsStored: Type.Integer(),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  durationMs: Nullable(Type.Integer()),
  /** Where a test run waits at a breakpoint (GET /api/runs/:id only). */
  paused: Type.Optional(PauseStateSchema),
});
export type RunRecord = Static<typeof RunRecordSchema>;

export const RunListSchema = Type.Object({ items: Type.Array(RunRecordSchema) });

/** Process Reporting's page of executions. */
export const RunPageSchema = Type.Object({
  items: Type.Array(RunRecordSchema),
  total: Type.Integer(),
});
export type RunPage = Static<typeof RunPageSchema>;

/** A run was started (or asked to stop): its id. */
export const RunIdSchema = Type.Object({ id: Type.String() });

export const ExecutionStartedSchema = Type.Object({
  id: Type.String(),
  revision: Type.Integer(),
});

/** The longest a client may wait for a run's end in one request (`?wait=`), in seconds. */
export const MAX_WAIT_SECONDS = 60;

/**
 * `?wait=N`: answer when the run has ended (200 and its record) or after N seconds
 * (202 and its record so far), instead of the client polling. 0 answers at once.
 */
export const WaitQuerySchema = Type.Object({
  wait: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_WAIT_SECONDS,
      description: `Seconds to wait for the run to end (at most ${MAX_WAIT_SECONDS}); 202 with the record so far if it has not.`,
    }),
  ),
});
