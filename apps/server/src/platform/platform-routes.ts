import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PlatformObjectSchema, PlatformQueryPageSchema, WaitQuerySchema } from '@junction/api';
import { ProcessDocumentSchema } from '@junction/process-model';
import Type, { type TSchema } from 'typebox';
import { callerOf } from '../auth/request-auth.ts';
import { jsonTextOf } from '../json-body.ts';
import { AUTH_ERRORS, errors, operation } from '../routes/openapi.ts';
import { acceptAnyBody, IdParams } from '../routes/schemas.ts';
import { readWait } from '../routes/wait-query.ts';
import { BODIES } from './bodies.ts';
import { EXECUTE_ACTIONS } from './execute-actions.ts';
import { HANDLERS } from './object-handlers.ts';
import { OBJECT_PATHS, PLATFORM_OBJECTS, type PlatformObject } from './object-specs.ts';
import type { PlatformService } from './platform-service.ts';

export const PLATFORM_PREFIX = '/api/platform/v1';

/** Resolves when the run has ended, after `ms`, or when `gone` aborts, whichever is first. */
export type EndWaiter = (runId: string, ms: number, gone: AbortSignal) => Promise<void>;

const Override = Type.Object({
  overrideAccount: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
});

const QueryFilterBody = Type.Object({
  QueryFilter: Type.Optional(Type.Object({ expression: Type.Unknown() })),
  expression: Type.Optional(Type.Unknown()),
});

/** Body schemas for OpenAPI; the service checks every body itself (the connector's too). */
const CREATE_BODY: Partial<Record<PlatformObject, TSchema>> = {
  account: BODIES.accountCreate,
  environment: BODIES.environmentCreate,
  process: ProcessDocumentSchema,
  deployment: BODIES.deploymentCreate,
  connection: BODIES.connectionCreate,
  token: BODIES.tokenCreate,
};
const UPDATE_BODY: Partial<Record<PlatformObject, TSchema>> = {
  account: BODIES.accountUpdate,
  environment: BODIES.environmentUpdate,
  process: BODIES.processUpdate,
  deployment: BODIES.deploymentUpdate,
  connection: BODIES.connectionUpdate,
};
const EXECUTE_BODY: Record<keyof typeof EXECUTE_ACTIONS, TSchema> = {
  'execute-process': BODIES.executeProcess,
  'cancel-execution': BODIES.cancelExecution,
  'deploy-process': BODIES.deploymentCreate,
  'provision-account': BODIES.provisionAccount,
};

/** Every Platform answer may be refused as malformed, missing or conflicting. */
const PLATFORM_ERRORS = { ...errors(400, 404, 409), ...AUTH_ERRORS };
const objectAnswer = { 200: PlatformObjectSchema, ...PLATFORM_ERRORS };
const createdAnswer = { 201: PlatformObjectSchema, ...PLATFORM_ERRORS };
const queryAnswer = { 200: PlatformQueryPageSchema, ...PLATFORM_ERRORS };

/** `execute-process` → `ExecuteProcess`, for operationIds. */
const pascal = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());

/**
 * The Platform API over REST: Get, Query (+ queryMore), Create, Update, Delete
 * per object and the Execute actions. `?overrideAccount=` acts in an account
 * below the caller's, as Boomi's REST API does. Every handler is a thin call
 * into the service, which does all checking.
 */
export const platformRoutes =
  (platform: PlatformService, waitFor: EndWaiter): FastifyPluginAsyncTypebox =>
  async (app) => {
    const any = { validatorCompiler: acceptAnyBody };
    for (const object of PLATFORM_OBJECTS) {
      const base = `${PLATFORM_PREFIX}/${OBJECT_PATHS[object]}`;
      const handlers = HANDLERS[object];
      // Prefixed: the browser API has its own getProcess, createConnection, ….
      const op = (verb: string) => operation(`platform${verb}${OBJECT_PATHS[object]}`, 'platform');
      app.post(
        `${base}/query`,
        {
          schema: {
            ...op('Query'),
            querystring: Override,
            body: QueryFilterBody,
            response: queryAnswer,
          },
          ...any,
        },
        async (request) =>
          platform.query(callerOf(request), object, request.query.overrideAccount, request.body),
      );
      app.post(
        `${base}/queryMore`,
        {
          schema: {
            ...op('QueryMore'),
            body: Type.Object({ queryToken: Type.String({ minLength: 1, maxLength: 20_000 }) }),
            response: queryAnswer,
          },
        },
        async (request) => platform.queryMore(callerOf(request), request.body.queryToken),
      );
      if (handlers.get) {
        app.get(
          `${base}/:id`,
          {
            schema: {
              ...op('Get'),
              params: IdParams,
              querystring: Override,
              response: objectAnswer,
            },
          },
          async (request) =>
            platform.get(
              callerOf(request),
              object,
              request.query.overrideAccount,
              request.params.id,
            ),
        );
      }
      if (handlers.create) {
        app.post(
          base,
          {
            schema: {
              ...op('Create'),
              querystring: Override,
              body: CREATE_BODY[object] ?? Type.Unknown(),
              response: createdAnswer,
            },
            ...any,
          },
          async (request, reply) =>
            reply
              .status(201)
              .send(
                await platform.create(
                  callerOf(request),
                  object,
                  request.query.overrideAccount,
                  request.body,
                  jsonTextOf(request),
                ),
              ),
        );
      }
      if (handlers.update) {
        app.put(
          `${base}/:id`,
          {
            schema: {
              ...op('Update'),
              params: IdParams,
              querystring: Override,
              body: UPDATE_BODY[object] ?? Type.Unknown(),
              response: objectAnswer,
            },
            ...any,
          },
          async (request) =>
            platform.update(
              callerOf(request),
              object,
              request.query.overrideAccount,
              request.params.id,
              request.body,
            ),
        );
      }
      if (handlers.delete) {
        app.delete(
          `${base}/:id`,
          {
            schema: {
              ...op('Delete'),
              params: IdParams,
              querystring: Override,
              response: objectAnswer,
            },
          },
          async (request) =>
            platform.remove(
              callerOf(request),
              object,
              request.query.overrideAccount,
              request.params.id,
            ),
        );
      }
    }
    for (const action of Object.keys(EXECUTE_ACTIONS) as (keyof typeof EXECUTE_ACTIONS)[]) {
      if (action === 'execute-process') {
        continue;
      }
      app.post(
        `${PLATFORM_PREFIX}/execute/${action}`,
        {
          schema: {
            ...operation(`platform${pascal(action)}`, 'platform'),
            querystring: Override,
            body: EXECUTE_BODY[action],
            response: objectAnswer,
          },
          ...any,
        },
        async (request) =>
          platform.execute(callerOf(request), action, request.query.overrideAccount, request.body),
      );
    }

    // Execute Process may wait for the end (?wait=N seconds), as the browser API's
    // executions do: it then answers the ExecutionRecord, 200 once the run has ended
    // and 202 while it still runs, so a client needs no polling loop.
    app.post(
      `${PLATFORM_PREFIX}/execute/execute-process`,
      {
        schema: {
          ...operation('platformExecuteProcess', 'platform'),
          querystring: Type.Object({ ...Override.properties, ...WaitQuerySchema.properties }),
          body: EXECUTE_BODY['execute-process'],
          response: { 200: PlatformObjectSchema, 202: PlatformObjectSchema, ...PLATFORM_ERRORS },
        },
        ...any,
      },
      async (request, reply) => {
        const caller = callerOf(request);
        // The body's validator is bypassed (the service checks it), and so is the query's.
        const wait = readWait(request.query);
        const override = request.query.overrideAccount;
        const started = (await platform.execute(
          caller,
          'execute-process',
          override,
          request.body,
        )) as { executionId: string };
        if (wait === undefined) {
          return started;
        }
        const gone = new AbortController();
        const leave = () => gone.abort();
        reply.raw.once('close', leave);
        try {
          await waitFor(started.executionId, wait * 1000, gone.signal);
        } finally {
          reply.raw.off('close', leave);
        }
        const record = (await platform.get(
          caller,
          'execution-record',
          override,
          started.executionId,
        )) as { status?: string };
        return reply.status(record.status === 'INPROCESS' ? 202 : 200).send(record);
      },
    );
  };
