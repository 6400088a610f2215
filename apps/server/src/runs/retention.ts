import type { FastifyBaseLogger } from 'fastify';
import type { RunRepository } from '../repositories/run-repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Boomi keeps Process Reporting's documents for 30 days; so does Junction by default. */
export const DEFAULT_RUN_RETENTION_DAYS = 30;

/**
 * Deletes runs (records, documents, logs) that finished more than `days` ago:
 * once at start and then hourly, so stored documents do not grow without bound.
 */
export function startRunRetention(deps: {
  runs: RunRepository;
  days: number;
  log: FastifyBaseLogger;
}) {
  const sweep = async (): Promise<number> => {
    try {
      const deleted = await deps.runs.deleteFinishedOlderThan(deps.days * DAY_MS);
      if (deleted > 0) {
        deps.log.info({ deleted, days: deps.days }, 'deleted runs past their retention');
      }
      return deleted;
    } catch (error) {
      deps.log.error({ err: error }, 'run retention sweep failed');
      return 0;
    }
  };
  const first = sweep();
  const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  timer.unref();
  return {
    sweep,
    /** Stops sweeping; resolves once the first sweep is done (before the database closes). */
    async stop(): Promise<void> {
      clearInterval(timer);
      await first;
    },
  };
}
