import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthSchema, ReadySchema } from '@junction/api';
import type { Database } from '../db/database.ts';
import { publicOperation } from './openapi.ts';

export interface ReadinessChecks {
  db: Database;
  /** Whether the job queue answers; absent when runs execute in the server. */
  queue?: (() => Promise<boolean>) | undefined;
}

const answers = (check: () => Promise<unknown>) =>
  check().then(
    (ok) => ok !== false,
    () => false,
  );

/**
 * Liveness and readiness, without credentials. /api/health touches nothing (a busy
 * database must not get a live server restarted); /api/ready asks the database and
 * the queue, and answers 503 when either does not answer.
 */
export function healthRoutes(checks: ReadinessChecks): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/health',
      {
        schema: { ...publicOperation('getHealth', 'health'), response: { 200: HealthSchema } },
      },
      async () => ({ status: 'ok' as const, database: checks.db.kind }),
    );
    app.get(
      '/api/ready',
      {
        schema: {
          ...publicOperation('getReady', 'health'),
          response: { 200: ReadySchema, 503: ReadySchema },
        },
      },
      async (_request, reply) => {
        const [database, queue] = await Promise.all([
          answers(() => checks.db.query('SELECT 1')),
          checks.queue ? answers(checks.queue) : Promise.resolve(undefined),
        ]);
        const ready = database && queue !== false;
        return reply.status(ready ? 200 : 503).send({
          status: ready ? 'ready' : 'unavailable',
          database: database ? 'ok' : 'unreachable',
          queue: queue === undefined ? 'none' : queue ? 'ok' : 'unreachable',
        });
      },
    );
  };
}
