import { type Caller, type Permission, roleAllows } from '../auth/roles.ts';
import { HttpError } from '../errors.ts';
import { inactiveMessage } from '../repositories/account-repository.ts';
import { EXECUTE_ACTIONS, type ExecuteAction, executeAction } from './execute-actions.ts';
import { HANDLERS } from './object-handlers.ts';
import { OBJECT_PATHS, type PlatformObject } from './object-specs.ts';
import { forbidden, type PlatformContext, type PlatformDeps } from './platform-context.ts';
import { type QueryPage, queryMore, queryObjects } from './platform-query.ts';

export type CrudAction = 'get' | 'query' | 'create' | 'update' | 'delete';

/** Who may do what: reading needs `read` (tokens: `admin`), changing `build` or `admin`. */
export function permissionOf(object: PlatformObject, action: CrudAction): Permission {
  if (object === 'token') {
    return 'admin';
  }
  if (action === 'get' || action === 'query') {
    return 'read';
  }
  return object === 'account' ? 'admin' : 'build';
}

/**
 * The Platform API's one service layer: the REST routes and the Partner API
 * connector's gateway both call it, so both get the same hierarchy and role
 * checks. The target account (the caller's own unless overridden) must lie in
 * the caller's hierarchy; only then is the role checked and the action run.
 */
export function createPlatformService(deps: PlatformDeps) {
  async function context(
    caller: Caller,
    accountId: string | undefined,
    permission: Permission,
  ): Promise<PlatformContext> {
    const target = accountId ?? caller.accountId;
    if (
      target !== caller.homeAccountId &&
      !(await deps.accounts.within(caller.homeAccountId, target))
    ) {
      throw forbidden(`Account ${target} is not in your account hierarchy.`);
    }
    // The target lies within the caller's home, so this covers the home's ancestors too.
    const inactive = await deps.accounts.inactiveAt(target);
    if (inactive !== null) {
      throw forbidden(inactiveMessage(inactive));
    }
    if (!roleAllows(caller.role, permission)) {
      throw forbidden(`The ${caller.role} role may not do this (it needs ${permission}).`);
    }
    return { caller, accountId: target, deps };
  }

  function handler<A extends 'create' | 'update' | 'delete' | 'get'>(
    object: PlatformObject,
    action: A,
  ): NonNullable<(typeof HANDLERS)[PlatformObject][A]> {
    const found = HANDLERS[object][action];
    if (!found) {
      throw new HttpError(
        405,
        'not-supported',
        `${OBJECT_PATHS[object]} does not support ${action.toUpperCase()}.`,
      );
    }
    return found as NonNullable<(typeof HANDLERS)[PlatformObject][A]>;
  }

  const notFound = (object: PlatformObject, id: string) =>
    new HttpError(404, 'not-found', `${OBJECT_PATHS[object]} ${id} does not exist.`);

  return {
    async get(caller: Caller, object: PlatformObject, accountId: string | undefined, id: string) {
      const get = handler(object, 'get');
      const found = await get(await context(caller, accountId, permissionOf(object, 'get')), id);
      if (found === null) {
        throw notFound(object, id);
      }
      return found;
    },

    async query(
      caller: Caller,
      object: PlatformObject,
      accountId: string | undefined,
      filter: unknown,
    ): Promise<QueryPage> {
      const ctx = await context(caller, accountId, permissionOf(object, 'query'));
      return queryObjects(deps.db, object, ctx.accountId, filter, 0);
    },

    /** The next page of a query; the token's account is checked again, as on the first page. */
    async queryMore(caller: Caller, queryToken: string): Promise<QueryPage> {
      return queryMore(deps.db, queryToken, async (object, accountId) => {
        await context(caller, accountId, permissionOf(object, 'query'));
      });
    },

    async create(
      caller: Caller,
      object: PlatformObject,
      accountId: string | undefined,
      body: unknown,
      /** The body's JSON text when it came over HTTP: a process file is read from it. */
      text?: string,
    ) {
      const create = handler(object, 'create');
      return create(await context(caller, accountId, permissionOf(object, 'create')), body, text);
    },

    async update(
      caller: Caller,
      object: PlatformObject,
      accountId: string | undefined,
      id: string,
      body: unknown,
    ) {
      const update = handler(object, 'update');
      const updated = await update(
        await context(caller, accountId, permissionOf(object, 'update')),
        id,
        body,
      );
      if (updated === null) {
        throw notFound(object, id);
      }
      return updated;
    },

    async remove(
      caller: Caller,
      object: PlatformObject,
      accountId: string | undefined,
      id: string,
    ) {
      const remove = handler(object, 'delete');
      const removed = await remove(
        await context(caller, accountId, permissionOf(object, 'delete')),
        id,
      );
      if (removed === null) {
        throw notFound(object, id);
      }
      return removed;
    },

    async execute(
      caller: Caller,
      action: string,
      accountId: string | undefined,
      body: unknown,
    ): Promise<unknown> {
      if (!Object.hasOwn(EXECUTE_ACTIONS, action)) {
        throw new HttpError(
          400,
          'bad-request',
          `Unknown execute action ${action}; use one of ${Object.keys(EXECUTE_ACTIONS).join(', ')}.`,
        );
      }
      const known = action as ExecuteAction;
      return executeAction(await context(caller, accountId, EXECUTE_ACTIONS[known]), known, body);
    },
  };
}

export type PlatformService = ReturnType<typeof createPlatformService>;
