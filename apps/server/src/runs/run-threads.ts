import { availableParallelism } from 'node:os';
import { createEnginePool, type EnginePool } from '@junction/runtime/threads';

/** The engine threads of a server or worker (JUNCTION_RUN_THREADS, JUNCTION_RUN_THREAD_MEMORY_MB). */
export interface RunThreadOptions {
  /** Threads at most; by default one per core, at least two, never more than runs at once. */
  threads?: number | undefined;
  /** Heap of one thread in MB; a run that needs more ends as ERROR. */
  memoryMb?: number | undefined;
  /**
   * Start the threads with the host and keep them (`npm start`, `junction worker`), so
   * no run waits most of a second for a thread to load the engine; tests' servers
   * start them with their first runs.
   */
  warm?: boolean | undefined;
}

/**
 * Generous on purpose: a thread's heap is shared by the runs it holds, and a large
 * split legitimately needs hundreds of MB. It bounds one runaway run, not normal ones.
 */
export const DEFAULT_RUN_THREAD_MEMORY_MB = 2048;

/**
 * Runs execute in these threads, never on the event loop that answers requests and
 * keeps pg-boss's heartbeats (a script spinning to its time limit would stall both).
 * With fewer threads than runs at once, a thread holds several runs: they mostly
 * wait on the database and Connect, which the host thread does for them.
 */
export function openRunThreads(concurrentRuns: number, options: RunThreadOptions = {}): EnginePool {
  const threads = Math.max(
    1,
    Math.min(concurrentRuns, options.threads ?? Math.max(2, availableParallelism())),
  );
  return createEnginePool({
    threads,
    runsPerThread: Math.ceil(concurrentRuns / threads),
    memoryMb: options.memoryMb ?? DEFAULT_RUN_THREAD_MEMORY_MB,
    warm: options.warm,
  });
}
