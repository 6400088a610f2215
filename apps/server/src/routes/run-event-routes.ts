import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RunEventSchema } from '@junction/api';
import { notFound } from '../errors.ts';
import type { RunRecord } from '../repositories/run-record.ts';
import { endOf } from '../runs/run-end.ts';
import type { RunEvent } from '../runs/run-events.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../security-headers.ts';
import type { Services } from '../services.ts';
import { AUTH_ERRORS, errors, operation } from './openapi.ts';
import { IdParams } from './schemas.ts';

/** How often a run that is live elsewhere (another worker) is re-read. */
const POLL_MS = 250;

function snapshotOf(run: RunRecord): RunEvent {
  return {
    type: 'snapshot',
    status: run.status,
    shapes: run.shapes,
    connections: run.connections,
  };
}

/**
 * Live progress as Server-Sent Events. Every client gets a snapshot first, so
 * one connecting late (or reconnecting) starts from the current state; the
 * stream ends after the `end` event.
 */
export const runEventRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/runs/:id/events',
      {
        schema: {
          ...operation('watchRun', 'runs'),
          params: IdParams,
          response: {
            // Server-Sent Events: one RunEvent per event, named by its type.
            200: {
              description: 'A text/event-stream of run events; it ends after `end`.',
              content: { 'text/event-stream': { schema: RunEventSchema } },
            },
            ...errors(400, 404),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const account = services.accountOf(request);
        const run = await services.runs.get(account, request.params.id);
        if (!run) {
          throw notFound(`Run ${request.params.id}`);
        }
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
        });
        let closed = false;
        let unsubscribe: (() => void) | undefined;
        let timer: NodeJS.Timeout | undefined;
        const close = () => {
          if (!closed) {
            closed = true;
            unsubscribe?.();
            clearTimeout(timer);
            res.end();
          }
        };
        request.raw.on('close', close);
        const send = (event: RunEvent) => {
          if (closed) {
            return;
          }
          res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
          if (event.type === 'end') {
            close();
          }
        };
        // Not live in this process (finished, or running on another worker): read the store.
        const follow = async () => {
          const current = await services.runs.get(account, run.id);
          if (!current || closed) {
            return close();
          }
          send(snapshotOf(current));
          if (current.status !== 'running') {
            return send(endOf(current));
          }
          timer = setTimeout(() => void follow().catch(close), POLL_MS);
        };
        if (run.status === 'running') {
          unsubscribe = services.dispatcher.subscribe(run.id, send);
        }
        if (!unsubscribe) {
          await follow().catch(close);
        }
      },
    );
  };
