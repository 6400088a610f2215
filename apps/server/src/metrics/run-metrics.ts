import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { RUN_QUEUE, RUN_TAKER, type RunQueue } from '../runs/queue/run-queue.ts';
import type { RunDispatcher } from '../runs/run-dispatcher.ts';

/** What a process that executes runs reports about each one's end. */
export interface RunObserver {
  /** `seconds` is undefined for a run that never started (discarded, cancelled while queued). */
  finished(status: string, seconds: number | undefined): void;
}

const DURATION_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 15, 60, 300, 900, 3600];

/**
 * The Prometheus metrics of one process. Counters count what this process did (runs
 * it started, runs it executed); with the queue, the queue's depth and the live
 * workers are read from pg-boss at each scrape, so they describe the whole install.
 */
export function createRunMetrics(queue?: RunQueue) {
  const registry = new Registry();
  const registers = [registry];
  const started = new Counter({
    name: 'junction_runs_started_total',
    help: 'Runs this server started (stored, and queued or executed), by execution type.',
    labelNames: ['type'],
    registers,
  });
  const finished = new Counter({
    name: 'junction_runs_finished_total',
    help: 'Runs this process ended, by status.',
    labelNames: ['status'],
    registers,
  });
  const duration = new Histogram({
    name: 'junction_run_duration_seconds',
    help: 'How long the runs this process executed took, by status.',
    labelNames: ['status'],
    buckets: DURATION_BUCKETS,
    registers,
  });
  if (queue) {
    new Gauge({
      name: 'junction_queue_depth',
      help: 'Runs waiting in the job queue for a worker.',
      registers,
      async collect() {
        this.set((await queue.boss.getQueue(RUN_QUEUE))?.queuedCount ?? 0);
      },
    });
    new Gauge({
      name: 'junction_workers',
      help: 'Live processes taking runs from the job queue (workers, and servers with one), as of their last 5 s heartbeat.',
      registers,
      async collect() {
        const instances = await queue.boss.getInstances();
        this.set(instances.filter((i) => i.live && i.name === RUN_TAKER).length);
      },
    });
  }
  const observer: RunObserver = {
    finished(status, seconds) {
      finished.inc({ status });
      if (seconds !== undefined) {
        duration.observe({ status }, seconds);
      }
    },
  };
  return {
    registry,
    observer,
    /** The dispatcher, counting the runs it starts. */
    counting(dispatcher: RunDispatcher): RunDispatcher {
      const { startWithin } = dispatcher;
      return {
        ...dispatcher,
        start: async (request) => {
          const id = await dispatcher.start(request);
          started.inc({ type: request.executionType });
          return id;
        },
        ...(startWithin
          ? {
              startWithin: async (tx, request) => {
                const id = await startWithin(tx, request);
                started.inc({ type: request.executionType });
                return id;
              },
            }
          : {}),
      };
    },
  };
}

export type RunMetrics = ReturnType<typeof createRunMetrics>;
