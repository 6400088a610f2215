import type { ProcessDocument } from '@junction/process-model';
import type { RunDocument } from '@junction/runtime';
import type { Queryable } from '../db/database.ts';
import type { ExecutionType } from '../repositories/run-record.ts';
import type { NewRun } from '../repositories/run-repository.ts';
import type { RunEventListener } from './run-events.ts';

export interface RunRequest {
  accountId: string;
  process: ProcessDocument;
  /** The stored process this run belongs to, when it was saved. */
  processId: string | null;
  /** Overrides the connection of every connector operation; null keeps the process's own. */
  connectionId: string | null;
  /** test_manual for Test mode, exec_manual for an execution, retry_manual for a retry. */
  executionType: ExecutionType;
  /** The saved revision an execution runs. */
  revision?: number | null;
  /** Documents Start hands on instead of making its own (pinned input, retry, re-run). */
  startDocuments?: RunDocument[] | undefined;
  /** The run this one retries or re-runs from a shape. */
  originalRunId?: string | null;
  /** The deployment an execution runs (Platform API, schedules). */
  deploymentId?: string | null;
  environmentId?: string | null;
  /** Test mode: shapes to pause before (POST /api/runs/:id/debug answers). */
  breakpoints?: string[] | undefined;
}

/** The row a run starts as, whichever dispatcher stores it. */
export const newRun = (id: string, request: RunRequest): NewRun => ({
  id,
  processId: request.processId,
  document: request.process,
  connectionId: request.connectionId,
  executionType: request.executionType,
  revision: request.revision ?? null,
  originalRunId: request.originalRunId ?? null,
  deploymentId: request.deploymentId ?? null,
  environmentId: request.environmentId ?? null,
});

/**
 * Where runs are executed. The in-process dispatcher runs them in this server;
 * a queue with separate workers can implement the same interface without any
 * change to routes or the runtime.
 */
export interface RunDispatcher {
  /** Records the run and starts it; resolves with its id once it is stored. */
  start(request: RunRequest): Promise<string>;
  /**
   * Stores the run (and its job) in the caller's transaction, to start once that
   * commits: a schedule's tick claim and its run land together or not at all. Only a
   * dispatcher whose runs start from committed rows (the queue) offers it.
   */
  startWithin?(tx: Queryable, request: RunRequest): Promise<string>;
  /** Asks a running run to stop; false when it is not running here. */
  cancel(runId: string): boolean;
  /**
   * Follows a live run: the listener first gets a snapshot, then every event up
   * to `end`. Undefined when the run is not live here (already finished).
   */
  subscribe(runId: string, listener: RunEventListener): (() => void) | undefined;
  /** Resolves when every run started so far has finished (clean shutdown, tests). */
  drain(): Promise<void>;
  /**
   * Shuts down before the database closes: new runs are refused, runs still waiting
   * for a slot end as aborted, running ones get `graceMs` (default 0) to finish and
   * are then aborted with "Server shut down before the run finished"; it resolves
   * once every run has stored its end, and background work (heartbeats) has stopped.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * A server marks its running runs alive every `heartbeatMs`; a run whose heartbeat
 * is older than `staleAfterMs` belongs to a server that stopped and is aborted by
 * whichever server notices first.
 */
export interface RunLiveness {
  heartbeatMs: number;
  staleAfterMs: number;
}

export const DEFAULT_RUN_LIVENESS: RunLiveness = { heartbeatMs: 10_000, staleAfterMs: 60_000 };
