import { MAX_WAIT_SECONDS } from '@junction/api';
import type { FastifyReply } from 'fastify';
import { HttpError, notFound } from '../errors.ts';
import type { RunRecord } from '../repositories/run-record.ts';
import { waitForEnd } from '../runs/wait-for-end.ts';
import type { Services } from '../services.ts';

/**
 * `?wait=` as seconds, or undefined when absent. Routes whose body bypasses schema
 * checks (an optional body) skip the querystring schema too, so it is read here with
 * the same rule as WaitQuerySchema: a whole number from 0 to MAX_WAIT_SECONDS.
 */
export function readWait(query: unknown): number | undefined {
  const raw = (query as { wait?: unknown } | undefined)?.wait;
  if (raw === undefined) {
    return undefined;
  }
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string' || !/^\d{1,2}$/.test(text) || Number(text) > MAX_WAIT_SECONDS) {
    throw new HttpError(
      400,
      'bad-request',
      `?wait must be a whole number of seconds from 0 to ${MAX_WAIT_SECONDS}.`,
    );
  }
  return Number(text);
}

/**
 * Waits up to `seconds` for the run to end, then answers its record: 200 once it has
 * ended, 202 while it still runs. The wait ends early when the client goes away. The
 * run is looked up in `account` first, so another account's run is a 404; a run this
 * request has just started (`justStarted`) is known to be there and is not looked up
 * twice (a run that ended meanwhile is not live, so the wait ends at once).
 */
export async function answerAfterWait(
  services: Services,
  reply: FastifyReply,
  account: string,
  runId: string,
  seconds: number,
  noun: 'Run' | 'Execution' = 'Execution',
  justStarted = false,
): Promise<RunRecord> {
  if (!justStarted) {
    const before = await services.runs.get(account, runId);
    if (!before) {
      throw notFound(`${noun} ${runId}`);
    }
    if (before.status !== 'running') {
      return before;
    }
  }
  const gone = new AbortController();
  const leave = () => gone.abort();
  reply.raw.once('close', leave);
  try {
    await waitForEnd(services.dispatcher, runId, seconds * 1000, gone.signal);
  } finally {
    reply.raw.off('close', leave);
  }
  const run = await services.runs.get(account, runId);
  if (!run) {
    throw notFound(`${noun} ${runId}`);
  }
  reply.status(run.status === 'running' ? 202 : 200);
  return run;
}
