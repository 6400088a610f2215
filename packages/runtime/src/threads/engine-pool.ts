import { MessageChannel, type Worker } from 'node:worker_threads';
import type { ProcessDocument } from '@junction/process-model';
import { Piscina } from 'piscina';
import { executeProcess } from '../engine.ts';
import type { ExecuteOptions } from '../execution.ts';
import { keyedRecord, setOwn } from '../keyed-record.ts';
import type { RunOutcome, ShapeStats } from '../types.ts';
import { executeOnHost } from './host-run.ts';
import { serveRun } from './host-side.ts';
import { lightRunWork, MAX_LIGHT_RUN_WORK } from './light-process.ts';
import { isEngineLoaded, type PlainOptions, type ThreadTask } from './thread-protocol.ts';

export interface EnginePoolOptions {
  /** Engine threads at most; they start with the first runs and stop when idle. */
  threads: number;
  /** Runs one thread executes at once (they share its event loop while waiting). */
  runsPerThread: number;
  /** Heap of one engine thread in MB; a thread that needs more is stopped with its runs. */
  memoryMb?: number | undefined;
  /** How long an idle thread is kept before it stops. */
  idleTimeoutMs?: number | undefined;
  /**
   * Start every thread now and keep it, instead of with the first runs: loading the
   * engine costs a thread most of a second of CPU, which a dedicated host (a worker)
   * pays once at start rather than in its first runs and again after each idle spell.
   */
  warm?: boolean | undefined;
}

export interface EnginePool {
  /** `executeProcess`, with the engine in a pool thread and the gateways, stores and listener here. */
  execute(process: ProcessDocument, options: ExecuteOptions): Promise<RunOutcome>;
  /** Stops every thread; runs still executing end as errors. */
  close(): Promise<void>;
  /** The threads running now (tests stop one to see its runs end). */
  threads(): readonly Worker[];
  /** Resolves once every thread of a warm pool has loaded the engine (at once when not warm). */
  ready(): Promise<void>;
}

// A thread's runs are mostly waiting on the host's calls; an idle thread should
// not wake the host's event loop, so it is kept for a while, then stopped.
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/**
 * A pool of threads that execute runs off the host's event loop, so a run that
 * spins (a script until its time limit, a huge split) never delays the host's
 * requests or heartbeats. Piscina keeps the threads (start, replace a dead one,
 * memory limits, several runs per thread); each run gets its own MessagePort,
 * over which the thread calls the host's gateways and stores and reports its
 * listener events (see engine-thread.ts and host-side.ts). A light run, one too
 * small to stall anything (light-process.ts), runs on the host's thread.
 */
export function createEnginePool(options: EnginePoolOptions): EnginePool {
  const pool = new Piscina<ThreadTask, void>({
    filename: new URL('./engine-thread.ts', import.meta.url).href,
    minThreads: options.warm ? options.threads : 0,
    maxThreads: options.threads,
    concurrentTasksPerWorker: options.runsPerThread,
    // Runs await the host's answers: a thread waiting in Atomics.wait would stall them.
    atomics: 'disabled',
    idleTimeout: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    env: threadEnvironment(process.env),
    ...(options.memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: options.memoryMb } } : {}),
  });
  const loaded = options.warm ? enginesLoaded(pool, options.threads) : Promise.resolve();
  const hostTurn = hostWorkPerTurn(MAX_HOST_WORK_PER_TURN);

  async function execute(process: ProcessDocument, given: ExecuteOptions): Promise<RunOutcome> {
    let run = given;
    if (run.sleep) {
      throw new Error('A run in an engine thread cannot take a sleep function.');
    }
    if (run.signal?.aborted) {
      // Cancelled before it began (while it waited for a slot): the engine only ends it
      // as aborted, which takes no time here, while a thread might have to be waited for.
      return executeProcess(process, run);
    }
    const work = lightRunWork(process, run.startDocuments);
    if (work !== undefined) {
      // Read first, so the turn's share is taken in the turn the run runs in: the
      // server answers many runs' reads with one statement, in one callback.
      run = await withPropertiesRead(process, run);
      if (hostTurn.take(work)) {
        // Too little work to stall this thread, and the hop would cost more than the run.
        return executeOnHost(process, run);
      }
    }
    const { port1, port2 } = new MessageChannel();
    const aborted = new Int32Array(new SharedArrayBuffer(4));
    const host = serveRun(port1, run, aborted);
    const task: ThreadTask = {
      process,
      options: plainOptions(run),
      offers: {
        platform: run.platform !== undefined,
        loadProcess: run.loadProcess !== undefined,
        persistedProperties: run.persistedProperties !== undefined,
        snapshots: run.snapshots !== undefined,
        pause: run.pauseAt !== undefined,
      },
      port: port2,
      listens: run.listener?.documents,
      aborted,
    };
    try {
      // The task ends after the thread posted the outcome (which then arrives on the
      // run's port); it fails without one when the thread died.
      const ended = pool.run(task, { transferList: [port2] }).then(
        () => host.done,
        (error: unknown) => diedWith(error),
      );
      return await Promise.race([host.done, ended]);
    } finally {
      host.close();
    }

    /** The thread ended without an outcome: a crash, its memory limit, the pool closing. */
    async function diedWith(error: unknown): Promise<RunOutcome> {
      // Its last messages may still be on their way; the outcome wins if it was sent.
      await new Promise((resolve) => setImmediate(resolve));
      return Promise.race([host.done, threadDeath(error, options.memoryMb, host.seen)]);
    }
  }

  return {
    execute,
    threads: () => pool.threads,
    ready: () => loaded,
    async close() {
      await pool.destroy();
    },
  };
}

/**
 * Light runs started in one turn of the event loop run one after another on its
 * microtasks, with no I/O between them: a worker that fetched 64 runs at once would
 * hold the loop for all 64 (a review measured 293 ms for 64 of the dearest light
 * runs). So a turn takes at most the work of eight of the dearest (about 50 ms),
 * thousands of Start -> Stop; the rest of the turn's light runs go to threads.
 */
const MAX_HOST_WORK_PER_TURN = 8 * MAX_LIGHT_RUN_WORK;

function hostWorkPerTurn(max: number) {
  let spent = 0;
  return {
    /** Whether a light run of `work` may start on this thread in this turn. */
    take(work: number): boolean {
      if (spent + work > max) {
        return false;
      }
      if (spent === 0) {
        // Immediates run once this turn's microtasks, the runs started, are done.
        setImmediate(() => {
          spent = 0;
        });
      }
      spent += work;
      return true;
    },
  };
}

/**
 * The run with its stored process properties already read, which is the engine's
 * first wait. A read that fails is left to fail where the run reads it, as it would.
 */
async function withPropertiesRead(
  process: ProcessDocument,
  run: ExecuteOptions,
): Promise<ExecuteOptions> {
  const store = run.persistedProperties;
  if (!store) {
    return run;
  }
  let read: Record<string, string>;
  try {
    read = await store.load(process.id);
  } catch {
    return run;
  }
  return {
    ...run,
    persistedProperties: {
      load: async () => read,
      save: (processId, name, value) => store.save(processId, name, value),
    },
  };
}

/** Resolves once `count` threads have said they loaded the engine; fails if one fails to start. */
function enginesLoaded(pool: Piscina<ThreadTask, void>, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const onMessage = (message: unknown) => {
      if (isEngineLoaded(message) && ++seen >= count) {
        settle();
        resolve();
      }
    };
    const onError = (error: unknown) => {
      settle();
      reject(error);
    };
    const settle = () => {
      pool.off('message', onMessage);
      pool.off('error', onError);
    };
    pool.on('message', onMessage);
    pool.on('error', onError);
  });
}

/** What of the host's environment an engine thread sees: never its keys, tokens or database URL. */
const THREAD_ENVIRONMENT = /^(PATH|TZ|LANG|LC_[A-Z]+|NODE_ENV|HOME|TMPDIR)$/;

/**
 * The engine runs users' scripts and expressions; should one ever escape its
 * sandbox, it should find nothing in `process.env` worth taking.
 */
export function threadEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && THREAD_ENVIRONMENT.test(name)) {
      kept[name] = value;
    }
  }
  return kept;
}

function plainOptions(run: ExecuteOptions): PlainOptions {
  const keys = [
    'startDocuments',
    'processProperties',
    'executionId',
    'testMode',
    'programCommands',
    'scriptLimits',
    'retryPolicy',
    'testLimits',
    'breakpoints',
  ] as const;
  const plain: Record<string, unknown> = {};
  for (const key of keys) {
    if (run[key] !== undefined) {
      plain[key] = run[key];
    }
  }
  return plain as PlainOptions;
}

/** The run's end when its thread died: ERROR, saying why, with the shapes it had reached. */
function threadDeath(
  error: unknown,
  memoryMb: number | undefined,
  seen: { shapes: Record<string, ShapeStats>; connections: Record<string, number> },
): RunOutcome {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message =
    code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? `The run needed more memory than an engine thread may use (${memoryMb ?? 'the default'} MB) and was stopped.`
      : `The run's engine thread stopped unexpectedly (${error instanceof Error ? error.message : String(error)}).`;
  const shapes = keyedRecord<ShapeStats>();
  for (const [id, stats] of Object.entries(seen.shapes)) {
    setOwn(shapes, id, stats.status === 'running' ? { ...stats, status: 'error', message } : stats);
  }
  return { status: 'error', error: message, shapes, connections: seen.connections };
}
