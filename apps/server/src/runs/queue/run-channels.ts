import type { Database } from '../../db/database.ts';

/**
 * NOTIFY channels are per database, not per schema: each schema (each test app, each
 * install sharing a server) gets its own so one never hears another's runs.
 */
export function runEventsChannel(db: Database): string {
  return `junction_run_events_${db.schema}`;
}

export function runCancelChannel(db: Database): string {
  return `junction_run_cancel_${db.schema}`;
}

/** Answers to paused test runs (Continue, Step, Stop), for the worker the run waits on. */
export function runDebugChannel(db: Database): string {
  return `junction_run_debug_${db.schema}`;
}
