import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type SandboxSummary, SandboxSummarySchema } from '@junction/api';
import { createSandboxState, type SandboxState, stateSummary } from '@junction/connect-sandbox';
import { callerOf } from '../auth/request-auth.ts';
import { HttpError } from '../errors.ts';
import { DEFAULT_ACCOUNT_ID } from '../repositories/account-repository.ts';
import { AUTH_ERRORS, operation } from './openapi.ts';

export const SANDBOX_ADMIN_PREFIX = '/sandbox/admin';

/**
 * "Reset sandbox" for the UI: puts the built-in sandbox back to its seed. It goes
 * through /api so the browser's session applies; like the sandbox's own admin
 * endpoints it changes the one sandbox every account shares, so it is for the
 * install's administrator only (an admin of the top account).
 */
export const sandboxRoutes =
  (state: SandboxState): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/sandbox/reset',
      {
        schema: {
          ...operation('resetSandbox', 'sandbox'),
          response: { 200: SandboxSummarySchema, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        if (caller.role !== 'admin' || caller.homeAccountId !== DEFAULT_ACCOUNT_ID) {
          throw new HttpError(
            403,
            'forbidden',
            'Resetting the sandbox changes it for every account: it is for the administrator of this Junction server.',
          );
        }
        state.replace(createSandboxState({ seed: state.seed, scale: state.scale }).snapshot());
        // The sandbox types its summary as plain JSON; its fields are the contract's.
        return stateSummary(state) as unknown as SandboxSummary;
      },
    );
  };
