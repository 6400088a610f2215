import { randomUUID } from 'node:crypto';
import { roleCovers } from '../auth/roles.ts';
import { requireTokenForNewOrigin } from '../connect/token-follows-endpoint.ts';
import { HttpError } from '../errors.ts';
import { readProcessBody } from '../routes/process-body.ts';
import { BODIES, readBody } from './bodies.ts';
import { checkSchedules, conflict, createChildAccount, deleted, deploy } from './deploy.ts';
import { type PlatformObject, toExecutionRecord } from './object-specs.ts';
import { forbidden, type PlatformContext } from './platform-context.ts';

type Handlers = {
  get?: (ctx: PlatformContext, id: string) => Promise<unknown | null>;
  create?: (ctx: PlatformContext, body: unknown, text?: string) => Promise<unknown>;
  update?: (ctx: PlatformContext, id: string, body: unknown) => Promise<unknown | null>;
  delete?: (ctx: PlatformContext, id: string) => Promise<unknown | null>;
};

export const HANDLERS: Record<PlatformObject, Handlers> = {
  account: {
    get: async (ctx, id) =>
      (await ctx.deps.accounts.within(ctx.accountId, id)) ? ctx.deps.accounts.get(id) : null,
    create: async (ctx, body) => createChildAccount(ctx, readBody(BODIES.accountCreate, body)),
    update: async (ctx, id, body) => {
      const input = readBody(BODIES.accountUpdate, body);
      if (!(await ctx.deps.accounts.within(ctx.accountId, id))) {
        return null;
      }
      if (input.status !== undefined && id === ctx.caller.homeAccountId) {
        throw forbidden('You cannot suspend or reactivate your own account.');
      }
      return ctx.deps.accounts.update(id, input);
    },
    delete: async (ctx, id) => {
      if (!(await ctx.deps.accounts.within(ctx.accountId, id))) {
        return null;
      }
      if (id === ctx.caller.homeAccountId) {
        throw forbidden('You cannot delete your own account.');
      }
      return (await ctx.deps.accounts.remove(id)) ? deleted(id) : null;
    },
  },
  environment: {
    get: (ctx, id) => ctx.deps.environments.get(ctx.accountId, id),
    create: async (ctx, body) => {
      const input = readBody(BODIES.environmentCreate, body);
      return ctx.deps.environments.create(ctx.accountId, {
        id: randomUUID(),
        name: input.name,
        classification: input.classification ?? 'TEST',
      });
    },
    update: (ctx, id, body) =>
      ctx.deps.environments.update(ctx.accountId, id, readBody(BODIES.environmentUpdate, body)),
    delete: async (ctx, id) => {
      const outcome = await ctx.deps.environments.remove(ctx.accountId, id);
      if (outcome === 'in-use') {
        throw conflict(`Environment ${id} still has deployments; delete them first.`);
      }
      return outcome === 'removed' ? deleted(id) : null;
    },
  },
  process: {
    get: async (ctx, id) => {
      const stored = await ctx.deps.processes.get(ctx.accountId, id);
      return stored
        ? {
            id,
            name: stored.document.name,
            revision: stored.revision,
            updatedAt: stored.updatedAt,
            document: stored.document,
          }
        : null;
    },
    create: async (ctx, body, text) => {
      // From the text when there is one: only it still shows a shape id written twice.
      const document = readProcessBody(body, 'The body is not a Junction process.', text);
      if (!(await ctx.deps.processes.create(ctx.accountId, document, ctx.caller))) {
        throw conflict(`Process ${document.id} already exists.`);
      }
      return { id: document.id, name: document.name, revision: 1 };
    },
    update: async (ctx, id, body) => {
      const input = readBody(BODIES.processUpdate, body);
      const document = readProcessBody(input.document, 'The document is not a Junction process.');
      if (document.id !== id) {
        throw new HttpError(400, 'bad-request', `The document's id is ${document.id}, not ${id}.`);
      }
      const result = await ctx.deps.processes.update(
        ctx.accountId,
        document,
        input.revision,
        ctx.caller,
      );
      if (result.ok) {
        return { id, name: document.name, revision: result.revision };
      }
      if (result.reason === 'conflict') {
        throw new HttpError(
          409,
          'conflict',
          `Process ${id} is at revision ${result.current.revision}.`,
        );
      }
      return null;
    },
    delete: async (ctx, id) =>
      (await ctx.deps.processes.remove(ctx.accountId, id)) ? deleted(id) : null,
  },
  deployment: {
    get: (ctx, id) => ctx.deps.deployments.get(ctx.accountId, id),
    create: deploy,
    update: async (ctx, id, body) => {
      const input = readBody(BODIES.deploymentUpdate, body);
      checkSchedules(input.schedules ?? []);
      return ctx.deps.deployments.update(ctx.accountId, id, input);
    },
    delete: async (ctx, id) =>
      (await ctx.deps.deployments.remove(ctx.accountId, id)) ? deleted(id) : null,
  },
  'execution-record': {
    get: async (ctx, id) => {
      const run = await ctx.deps.runs.get(ctx.accountId, id);
      return run ? toExecutionRecord(run) : null;
    },
  },
  connection: {
    get: (ctx, id) => ctx.deps.connections.get(ctx.accountId, id),
    create: async (ctx, body) => {
      const input = readBody(BODIES.connectionCreate, body);
      const kind = input.kind ?? 'cloudblue-connect';
      if (kind === 'cloudblue-connect' && input.endpoint === undefined) {
        throw new HttpError(400, 'bad-request', 'A Connect connection needs an endpoint.');
      }
      if (kind === 'junction-platform' && !input.token.startsWith('jct_')) {
        throw new HttpError(400, 'bad-request', 'A Platform API connection needs a jct_ token.');
      }
      return ctx.deps.connections.create(ctx.accountId, {
        id: randomUUID(),
        kind,
        name: input.name,
        endpoint:
          kind === 'junction-platform' ? 'junction:platform' : input.endpoint!.replace(/\/+$/, ''),
        token: input.token,
      });
    },
    update: async (ctx, id, body) => {
      const input = readBody(BODIES.connectionUpdate, body);
      const existing = await ctx.deps.connections.get(ctx.accountId, id);
      if (!existing) {
        return null;
      }
      if (existing.kind === 'sandbox') {
        throw conflict('The built-in Sandbox connection cannot be changed.');
      }
      const endpoint =
        existing.kind === 'junction-platform'
          ? existing.endpoint
          : (input.endpoint ?? existing.endpoint).replace(/\/+$/, '');
      requireTokenForNewOrigin(existing.endpoint, endpoint, input.token);
      return ctx.deps.connections.update(ctx.accountId, id, {
        name: input.name ?? existing.name,
        endpoint,
        token: input.token,
      });
    },
    delete: async (ctx, id) => {
      const existing = await ctx.deps.connections.get(ctx.accountId, id);
      if (existing?.kind === 'sandbox') {
        throw conflict('The built-in Sandbox connection cannot be deleted.');
      }
      return existing && (await ctx.deps.connections.remove(ctx.accountId, id))
        ? deleted(id)
        : null;
    },
  },
  token: {
    get: (ctx, id) => ctx.deps.tokens.get(ctx.accountId, id),
    create: async (ctx, body) => {
      const input = readBody(BODIES.tokenCreate, body);
      if (!roleCovers(ctx.caller.role, input.role)) {
        throw forbidden(`A ${ctx.caller.role} cannot create a ${input.role} token.`);
      }
      const { token, view } = await ctx.deps.tokens.create(ctx.accountId, input);
      // The only time the token is ever shown.
      return { ...view, token };
    },
    delete: async (ctx, id) =>
      (await ctx.deps.tokens.revoke(ctx.accountId, id)) ? { id, revoked: true } : null,
  },
};
