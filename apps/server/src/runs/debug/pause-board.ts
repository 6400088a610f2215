import { PAUSE_DOCUMENTS_SHOWN, type PauseState } from '@junction/api';
import type { PauseAnswer, PauseHost } from '@junction/runtime';
import type { Database, Unlisten } from '../../db/database.ts';
import type { RunPauseRepository, StoredAnswer } from '../../repositories/run-pause-repository.ts';
import { runDebugChannel } from '../queue/run-channels.ts';
import { redactProperties, redactSecrets } from '../redact-secrets.ts';
import type { RunEvent } from '../run-events.ts';

/** A NOTIFY can be lost (a dropped listening connection): answers are also looked for this often. */
const LOOK_AGAIN_MS = 2_000;

/**
 * A waiting document as a pause shows it: without tokens, and with NUL characters
 * replaced, since the pause travels through jsonb (run events), which refuses them.
 */
function shown(data: string): string {
  return redactSecrets(data).replaceAll('\u0000', '\uFFFD');
}

/** How long a paused test run waits for Continue, Step or Stop by default (JUNCTION_DEBUG_IDLE_MINUTES). */
export const DEFAULT_PAUSE_IDLE_MS = 15 * 60_000;

export function idleMessage(idleMs: number): string {
  const minutes = idleMs / 60_000;
  const span =
    minutes >= 1 ? `${Math.round(minutes)} minutes` : `${Math.round(idleMs / 1000)} seconds`;
  return `Stopped: the run stayed paused for ${span} with no Continue, Step or Stop.`;
}

/**
 * The host's side of breakpoints, on a server or a worker. A pause is stored (so any
 * server can show it and take its answer) and announced to watchers; the run then
 * waits, holding no thread, until an answer is written for it: the NOTIFY on the
 * debug channel wakes it at once, a periodic look covers a lost NOTIFY, and once the
 * idle time is up the run answers itself with Stop.
 */
export function createPauseBoard(deps: {
  db: Database;
  pauses: RunPauseRepository;
  idleMs?: number | undefined;
}) {
  const { db, pauses } = deps;
  const idleMs = deps.idleMs ?? DEFAULT_PAUSE_IDLE_MS;
  const channel = runDebugChannel(db);
  const wakers = new Map<string, Set<() => void>>();
  let listening: Promise<Unlisten> | undefined;

  const wake = (runId: string) => {
    for (const waker of wakers.get(runId) ?? []) {
      waker();
    }
  };
  const wakeAll = () => {
    for (const runId of wakers.keys()) {
      wake(runId);
    }
  };

  /** Resolves after `ms`, on a NOTIFY for the run, or when the run is aborted. */
  function nap(runId: string, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const set = wakers.get(runId) ?? new Set();
      wakers.set(runId, set);
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        set.delete(done);
        if (set.size === 0) {
          wakers.delete(runId);
        }
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  async function answerFor(
    accountId: string,
    runId: string,
    state: PauseState,
    signal: AbortSignal,
  ): Promise<StoredAnswer> {
    const expiresAt = Date.parse(state.expiresAt);
    for (;;) {
      signal.throwIfAborted();
      const answer = await pauses.answerOf(accountId, runId, state.pause);
      if (answer) {
        return answer;
      }
      const left = expiresAt - Date.now();
      if (left <= 0) {
        const stop: StoredAnswer = { action: 'stop', message: idleMessage(idleMs) };
        if (await pauses.answer(accountId, runId, state.pause, stop, { expired: true })) {
          return stop;
        }
        // Someone answered just in time (theirs stands), or the database's clock is a
        // hair behind this one's: look again shortly.
        await nap(runId, 50, signal);
        continue;
      }
      await nap(runId, Math.min(left, LOOK_AGAIN_MS), signal);
    }
  }

  return {
    /** The PauseHost of one run: stores and announces each pause, then waits for its answer. */
    hostFor(accountId: string, runId: string, publish: (event: RunEvent) => void): PauseHost {
      let pauseNumber = 0;
      return async (request, signal): Promise<PauseAnswer> => {
        // Opened on the first pause; a LISTEN that failed is tried again at the next one.
        listening ??= db.listen(channel, wake, wakeAll).catch((error: unknown) => {
          listening = undefined;
          throw error;
        });
        await listening;
        const state: PauseState = {
          pause: ++pauseNumber,
          shapeId: request.shapeId,
          reason: request.reason,
          // What a run records never keeps a token (redact-secrets.ts), pauses included.
          documents: request.documents.slice(0, PAUSE_DOCUMENTS_SHOWN).map((doc) => ({
            id: doc.id,
            data: shown(doc.data),
            properties: redactProperties(doc.properties),
          })),
          documentCount: request.documents.length,
          expiresAt: new Date(Date.now() + idleMs).toISOString(),
        };
        await pauses.open(accountId, runId, state);
        publish({ type: 'paused', ...state });
        const answer = await answerFor(accountId, runId, state, signal);
        publish({
          type: 'resumed',
          pause: state.pause,
          action: answer.action,
          edited: (answer.documents ?? []).map((doc) => doc.id),
        });
        return answer;
      };
    },

    /** Wakes the run waiting for `runId`'s answer, wherever it executes. */
    async announce(runId: string): Promise<void> {
      await db.query('SELECT pg_notify($1, $2)', [channel, runId]);
    },

    async close(): Promise<void> {
      const unlisten = await listening?.catch(() => undefined);
      await unlisten?.();
      listening = undefined;
    },
  };
}

export type PauseBoard = ReturnType<typeof createPauseBoard>;
