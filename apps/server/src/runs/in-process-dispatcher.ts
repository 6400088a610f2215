import { randomUUID } from 'node:crypto';
import { HttpError } from '../errors.ts';
import type { RunRepository } from '../repositories/run-repository.ts';
import {
  DEFAULT_RUN_LIVENESS,
  newRun,
  type RunDispatcher,
  type RunLiveness,
} from './run-dispatcher.ts';
import { createRunEventHub } from './run-events.ts';
import {
  createRunExecutor,
  type RunExecutor,
  type RunExecutorDeps,
  SHUTDOWN,
  UNEXPECTED_END,
} from './run-executor.ts';
import type { RunLogger } from './run-logger.ts';
import { createRunSlots, DEFAULT_RUN_SLOT_LIMITS, type RunSlotLimits } from './run-slots.ts';
import { within } from './within.ts';

/**
 * Runs in this server. Like the queue, it is opened in two steps: the dispatcher
 * first, which stores runs and holds them in their slots, so that what starts runs
 * (routes, schedules, the Platform API) can be built on it; then `startExecuting`,
 * once everything a run uses exists, including the Platform API that starts runs
 * itself. A run accepted in between waits in its slot.
 */
export function openInProcessRuns(deps: {
  runs: RunRepository;
  log: RunLogger;
  /** Runs at once and runs waiting; a run beyond both is discarded. */
  limits?: RunSlotLimits | undefined;
  /** How often this server says its runs are alive, and when another's count as stopped. */
  liveness?: RunLiveness | undefined;
}): { dispatcher: RunDispatcher; startExecuting(executorDeps: RunExecutorDeps): void } {
  let startExecuting!: (executor: RunExecutor) => void;
  const executing = new Promise<RunExecutor>((resolve) => {
    startExecuting = resolve;
  });
  return {
    dispatcher: createInProcessDispatcher(deps, executing),
    startExecuting: (executorDeps) => startExecuting(createRunExecutor(executorDeps)),
  };
}

function createInProcessDispatcher(
  deps: Parameters<typeof openInProcessRuns>[0],
  executing: Promise<RunExecutor>,
): RunDispatcher {
  const active = new Map<
    string,
    { controller: AbortController; done: Promise<void>; started: boolean }
  >();
  const hub = createRunEventHub();
  const limits = deps.limits ?? DEFAULT_RUN_SLOT_LIMITS;
  const slots = createRunSlots(limits);
  const liveness = deps.liveness ?? DEFAULT_RUN_LIVENESS;
  let accepting = true;
  // Heartbeats for this server's runs, and a sweep of runs whose server went away
  // (a shared PostgreSQL database outlives any one server).
  const beat = setInterval(() => {
    void deps.runs
      .heartbeat([...active.keys()])
      .then(() => deps.runs.abandonInterrupted(liveness.staleAfterMs))
      .then((abandoned) => {
        if (abandoned > 0) {
          deps.log.warn({ abandoned }, 'marked runs of a stopped server as aborted');
        }
      })
      .catch((error) => deps.log.error({ err: error }, 'run heartbeat failed'));
  }, liveness.heartbeatMs);
  beat.unref();

  /** DISCARDED (§8): recorded, never started, no documents or log. */
  async function discard(accountId: string, runId: string) {
    const error = `Discarded due to load: ${limits.concurrentRuns} runs were running and ${limits.queuedRuns} waiting.`;
    deps.log.warn({ runId }, error);
    await (await executing).endUnstarted(accountId, runId, 'discarded', error);
  }

  return {
    async start(request) {
      if (!accepting) {
        throw new HttpError(
          503,
          'shutting-down',
          'The server is shutting down; start the run again once it is back.',
        );
      }
      const runId = randomUUID();
      await deps.runs.create(request.accountId, newRun(runId, request));
      const controller = new AbortController();
      const slot = slots.acquire(controller.signal);
      if (!slot) {
        await discard(request.accountId, runId);
        return runId;
      }
      hub.open(runId);
      // A run cancelled while it waits still goes through execute, which ends it as aborted.
      const done = Promise.all([slot, executing])
        .then(async ([release, executor]) => {
          const entry = active.get(runId);
          if (entry) {
            entry.started = true;
          }
          try {
            await executor.execute(runId, request, controller.signal, (event) =>
              hub.publish(runId, event),
            );
          } finally {
            release();
          }
        })
        .catch(async (error) => (await executing).failUnexpectedly(request.accountId, runId, error))
        .finally(() => {
          active.delete(runId);
          // Watchers of a run that crashed still get their final event.
          hub.publish(runId, UNEXPECTED_END);
        });
      active.set(runId, { controller, done, started: false });
      return runId;
    },
    cancel(runId) {
      const run = active.get(runId);
      run?.controller.abort();
      return run !== undefined;
    },
    subscribe: (runId, listener) => hub.subscribe(runId, listener),
    async drain() {
      await Promise.all([...active.values()].map((r) => r.done));
    },
    async stop(graceMs = 0) {
      accepting = false;
      // Runs still waiting for a slot are not started on the way down.
      for (const run of active.values()) {
        if (!run.started) {
          run.controller.abort(SHUTDOWN);
        }
      }
      const all = () => Promise.all([...active.values()].map((r) => r.done));
      if (active.size > 0 && !(await within(all(), graceMs))) {
        deps.log.warn(
          { runs: active.size, graceMs },
          'aborting the runs still running at shutdown',
        );
        for (const run of active.values()) {
          run.controller.abort(SHUTDOWN);
        }
      }
      // The aborted runs store their end while the database is still open.
      await all();
      clearInterval(beat);
    },
  };
}
