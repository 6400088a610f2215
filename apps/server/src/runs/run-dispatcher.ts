import type { ProcessDocument } from '@junction/process-model';

export interface RunRequest {
  accountId: string;
  process: ProcessDocument;
  /** The stored process this run belongs to, when it was saved. */
  processId: string | null;
  /** Overrides the connection of every connector operation for this run. */
  connectionId: string;
}

/**
 * Where runs are executed. The in-process dispatcher runs them in this server;
 * a queue with separate workers can implement the same interface without any
 * change to routes or the runtime.
 */
export interface RunDispatcher {
  /** Records the run and starts it; resolves with its id once it is stored. */
  start(request: RunRequest): Promise<string>;
  /** Asks a running run to stop; false when it is not running here. */
  cancel(runId: string): boolean;
  /** Resolves when every run started so far has finished (clean shutdown, tests). */
  drain(): Promise<void>;
}
