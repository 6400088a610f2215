import type { Readable } from 'node:stream';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ListenerAcceptedSchema,
  ListenerDuplicateSchema,
  ListenerErrorBodySchema,
} from '@junction/api';
import { LISTEN_METHODS, listenerPathProblem } from '@junction/process-model';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Database } from '../db/database.ts';
import { HttpError } from '../errors.ts';
import type { AccountRepository } from '../repositories/account-repository.ts';
import type { ListenerSecretRepository } from '../repositories/listener-secret-repository.ts';
import type { TokenRepository } from '../repositories/token-repository.ts';
import type { WebhookEventRepository } from '../repositories/webhook-event-repository.ts';
import { operation } from '../routes/openapi.ts';
import type { Services } from '../services.ts';
import { listenerAdminRoutes } from './listener-admin-routes.ts';
import { authenticateListenerCall, refuseInactive } from './listener-auth.ts';
import { answerCall, type CallTarget } from './listener-call.ts';
import { createListenerGate } from './listener-gate.ts';
import { deployedListeners } from './listener-lookup.ts';
import { createListenerTests, TEST_URL_PREFIX } from './listener-tests.ts';
import { answerWebhook } from './webhook-answer.ts';

export interface ListenerRouteDeps {
  db: Database;
  services: Services;
  tokens: TokenRepository;
  accounts: AccountRepository;
  secrets: ListenerSecretRepository;
  webhookEvents: WebhookEventRepository;
  accessToken: string | undefined;
}

// Both are in SELF_AUTHENTICATED_API_ROUTES (auth/request-auth.ts): they authenticate here.
export const LISTEN_ROUTE = '/api/listen/:environment/:path';
export const LISTEN_TEST_ROUTE = `${TEST_URL_PREFIX}:token`;

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * The environment and path as the caller wrote them, from the raw URL: a listener
 * path has no `%` and no `/`, so an encoded slash or dot never reaches a listener.
 */
function rawTarget(url: string): { environmentId: string; path: string } | undefined {
  const match = /^\/api\/listen\/([^/?#]+)\/([^/?#]+)(?:\?.*)?$/.exec(url);
  const [, environmentId = '', path = ''] = match ?? [];
  return SEGMENT.test(environmentId) && listenerPathProblem(path) === null
    ? { environmentId, path }
    : undefined;
}

const targets = new WeakMap<FastifyRequest, CallTarget>();

/** Reads a body up to the listener's own limit; 413 as soon as it passes it. */
async function readLimited(request: FastifyRequest, payload: Readable): Promise<string> {
  const limit = targets.get(request)?.listener.limits.maxBodyBytes ?? 0;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      payload.destroy();
      throw new HttpError(
        413,
        'body-too-large',
        `The body is over this listener's limit of ${limit} bytes.`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function refuseLargeBody(request: FastifyRequest, target: CallTarget): void {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > target.listener.limits.maxBodyBytes) {
    throw new HttpError(
      413,
      'body-too-large',
      `The body is over this listener's limit of ${target.listener.limits.maxBodyBytes} bytes.`,
    );
  }
}

const RESPONSES = {
  200: ListenerDuplicateSchema,
  202: ListenerAcceptedSchema,
  ...Object.fromEntries(
    [400, 401, 403, 404, 413, 429, 502, 503, 504].map((s) => [s, ListenerErrorBodySchema]),
  ),
};

/**
 * `/api/listen/{environment}/{path}`: calls to deployed listeners, and Test mode's
 * one-call URLs. Every body arrives as text (any content type), read only after
 * the caller is authenticated and within the listener's rate and size limits.
 */
export const listenerRoutes =
  (deps: ListenerRouteDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { services } = deps;
    const gate = createListenerGate();
    const tests = createListenerTests();
    const callDeps = {
      dispatcher: services.dispatcher,
      runs: services.runs,
      runDocuments: services.runDocuments,
      gate,
    };
    const webhookDeps = { ...callDeps, secrets: deps.secrets, events: deps.webhookEvents };
    await app.register(listenerAdminRoutes({ services, secrets: deps.secrets, tests }));

    await app.register(async (calls) => {
      calls.removeAllContentTypeParsers();
      calls.addContentTypeParser('*', (request: FastifyRequest, payload: Readable) =>
        readLimited(request, payload),
      );
      await calls.register(rateLimit, { global: false });
      const checkRate = calls.createRateLimit({
        keyGenerator: (request) => targets.get(request)?.key ?? '',
        max: (request) => targets.get(request)?.listener.limits.ratePerMinute ?? 1,
        timeWindow: 60_000,
      });

      /** Rate and size limits, before the body is read. */
      async function admit(request: FastifyRequest, reply: FastifyReply, target: CallTarget) {
        targets.set(request, target);
        const rate = await checkRate(request);
        if (!rate.isAllowed && rate.isExceeded) {
          reply.header('retry-after', String(rate.ttlInSeconds));
          throw new HttpError(
            429,
            'rate-limited',
            `This listener takes ${rate.max} calls a minute; try again in ${rate.ttlInSeconds} s.`,
          );
        }
        refuseLargeBody(request, target);
      }

      for (const method of LISTEN_METHODS) {
        calls.route({
          method,
          url: LISTEN_ROUTE,
          schema: {
            ...operation(`listen${method[0]}${method.slice(1).toLowerCase()}`, 'listeners'),
            summary: `Call a deployed ${method} listener`,
            description:
              "Starts the process deployed to the environment that listens on this path and method. Authenticate with the account's API token or the listener's secret header; a Connect webhook listener takes only the JWT Connect signs with its secret (an event it took before answers 200 DUPLICATE). Sync listeners answer with what reached Return Documents; async ones with 202.",
            params: Type.Object({ environment: Type.String(), path: Type.String() }),
            response: RESPONSES,
          },
          preParsing: async (request, reply) => {
            const raw = rawTarget(request.url);
            const candidates = raw
              ? await deployedListeners(deps.db, raw.environmentId, method, raw.path)
              : [];
            const found = await authenticateListenerCall(request, candidates, deps);
            await refuseInactive(deps.accounts, found.accountId);
            await admit(request, reply, {
              key: `${found.accountId}\n${found.environmentId}\n${found.processId}`,
              accountId: found.accountId,
              processId: found.processId,
              process: found.document,
              listener: found.listener,
              environmentId: found.environmentId,
              path: found.listener.path,
              executionType: 'exec_listener',
              deploymentId: found.deploymentId,
              revision: found.revision,
            });
          },
          handler: (request, reply) => {
            const target = targets.get(request)!;
            return target.listener.kind === 'connect-webhook'
              ? answerWebhook(webhookDeps, target, request, reply)
              : answerCall(callDeps, target, request, reply);
          },
        });
      }

      for (const method of LISTEN_METHODS) {
        calls.route({
          method,
          url: LISTEN_TEST_ROUTE,
          schema: {
            ...operation(`testListen${method[0]}${method.slice(1).toLowerCase()}`, 'listeners'),
            summary: "Send Test mode's one call",
            description:
              'A temporary URL the designer opens (POST /api/processes/{id}/listener-tests); the random token in it is the credential. It takes one call, of the listener’s method, within five minutes.',
            params: Type.Object({ token: Type.String({ maxLength: 100 }) }),
            response: RESPONSES,
          },
          preParsing: async (request, reply) => {
            const { token } = request.params as { token: string };
            const test = tests.claim(token);
            if (!test || test.listener.method !== request.method) {
              if (test) {
                tests.release(token);
              }
              throw new HttpError(
                404,
                'not-found',
                'No test listener waits at this address (it expired or took its call).',
              );
            }
            try {
              // Opened before the account was suspended or deleted, it runs nothing after.
              await refuseInactive(deps.accounts, test.accountId);
              await admit(request, reply, {
                key: `test\n${token}`,
                accountId: test.accountId,
                processId: test.processId,
                process: test.process,
                listener: test.listener,
                environmentId: 'test',
                path: test.listener.path,
                executionType: 'test_manual',
              });
            } catch (error) {
              tests.release(token);
              throw error;
            }
          },
          handler: async (request, reply) => {
            const { token } = request.params as { token: string };
            try {
              return await answerCall(callDeps, targets.get(request)!, request, reply, (runId) =>
                tests.received(token, runId),
              );
            } finally {
              tests.release(token);
            }
          },
        });
      }
    });
  };
