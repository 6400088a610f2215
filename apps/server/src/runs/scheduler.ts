import { hasErrors } from '@junction/process-model';
import type { Database } from '../db/database.ts';
import { cronTicks, parseCron } from '../platform/cron.ts';
import { validateInAccount } from '../process-validation.ts';
import type { DeploymentRepository, DueSchedule } from '../repositories/deployment-repository.ts';
import type { ProcessRepository } from '../repositories/process-repository.ts';
import type { RunDispatcher, RunRequest } from './run-dispatcher.ts';
import type { RunLogger } from './run-logger.ts';

export interface SchedulerOptions {
  /** The clock; tests inject one. */
  now?: () => Date;
  /** How often to look for due ticks; 0 = never by itself (tests call `tick`). */
  intervalMs?: number;
}

export interface Scheduler {
  /** Starts the executions due since the last look; resolves with how many it started. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

const DEFAULT_INTERVAL_MS = 15_000;
// After downtime only recent ticks are made up, so a long outage does not start a flood.
const MAX_CATCH_UP_MS = 10 * 60_000;
// A new server looks back one minute: a restart inside a minute still sees that tick,
// and the tick row already claimed by the old server keeps it from starting twice.
const FIRST_LOOK_BACK_MS = 60_000;

/**
 * Starts the executions of deployed processes' cron schedules. Each tick is
 * claimed by inserting its unique (schedule, tick) row before the execution
 * starts: any number of servers, or one restarting, start it exactly once.
 */
export function createScheduler(deps: {
  deployments: DeploymentRepository;
  processes: ProcessRepository;
  dispatcher: RunDispatcher;
  /** For a dispatcher that queues in a transaction: the claim and the run commit together. */
  transaction?: Database['transaction'] | undefined;
  log: RunLogger;
  options?: SchedulerOptions | undefined;
}): Scheduler {
  const now = deps.options?.now ?? (() => new Date());
  let checkedUpTo = new Date(now().getTime() - FIRST_LOOK_BACK_MS);
  let running: Promise<number> = Promise.resolve(0);

  /** The run a tick starts, or null when its revision is missing or invalid now. */
  async function tickRequest(schedule: DueSchedule): Promise<RunRequest | null> {
    const document = await deps.processes.revision(
      schedule.accountId,
      schedule.processId,
      schedule.revision,
    );
    if (
      !document ||
      hasErrors(await validateInAccount(deps.processes, schedule.accountId, document))
    ) {
      deps.log.warn({ schedule: schedule.id }, 'scheduled process is missing or invalid; skipped');
      return null;
    }
    return {
      accountId: schedule.accountId,
      process: document,
      processId: schedule.processId,
      connectionId: null,
      executionType: 'exec_sched',
      revision: schedule.revision,
      deploymentId: schedule.deploymentId,
      environmentId: schedule.environmentId,
    };
  }

  async function startTick(schedule: DueSchedule, tick: Date): Promise<boolean> {
    const { accountId, id } = schedule;
    const { startWithin } = deps.dispatcher;
    if (startWithin && deps.transaction) {
      // Read before the transaction: embedded PGlite has one connection, held by it.
      const request = await tickRequest(schedule);
      return await deps.transaction(async (tx) => {
        if (!request || !(await deps.deployments.claimTick(accountId, id, tick, tx))) {
          return false;
        }
        const runId = await startWithin(tx, request);
        await deps.deployments.recordTickRun(accountId, id, tick, runId, tx);
        return true;
      });
    }
    // In process the run starts at once, so the claim must be committed before it.
    if (!(await deps.deployments.claimTick(accountId, id, tick))) {
      return false;
    }
    const request = await tickRequest(schedule);
    if (!request) {
      return false;
    }
    const runId = await deps.dispatcher.start(request);
    await deps.deployments.recordTickRun(accountId, id, tick, runId);
    return true;
  }

  async function look(): Promise<number> {
    const until = now();
    const from = new Date(Math.max(checkedUpTo.getTime(), until.getTime() - MAX_CATCH_UP_MS));
    let started = 0;
    for (const schedule of await deps.deployments.activeSchedules()) {
      try {
        for (const tick of cronTicks(parseCron(schedule.cron), schedule.timeZone, from, until)) {
          started += (await startTick(schedule, tick)) ? 1 : 0;
        }
      } catch (error) {
        deps.log.error({ err: error, schedule: schedule.id }, 'could not start a scheduled run');
      }
    }
    if (until > checkedUpTo) {
      checkedUpTo = until;
    }
    return started;
  }

  const intervalMs = deps.options?.intervalMs ?? DEFAULT_INTERVAL_MS;
  const tick = () => {
    // One look at a time: overlapping looks would only race for the same rows.
    running = running.then(look, look);
    return running;
  };
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          tick().catch((error) => deps.log.error({ err: error }, 'scheduler failed'));
        }, intervalMs)
      : undefined;
  timer?.unref();

  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running.catch(() => 0);
    },
  };
}
