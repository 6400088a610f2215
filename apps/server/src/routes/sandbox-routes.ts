import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type SandboxSummary, SandboxSummarySchema } from '@junction/api';
import { createSandboxState, type SandboxState, stateSummary } from '@junction/connect-sandbox';
import { AUTH_ERRORS, operation } from './openapi.ts';

export const SANDBOX_ADMIN_PREFIX = '/sandbox/admin';

/**
 * "Reset sandbox" for the UI: puts the built-in sandbox back to its seed. It goes
 * through /api so role limits apply; the sandbox's own admin endpoints are for
 * the install's administrator only.
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
      async () => {
        state.replace(createSandboxState({ seed: state.seed, scale: state.scale }).snapshot());
        // The sandbox types its summary as plain JSON; its fields are the contract's.
        return stateSummary(state) as unknown as SandboxSummary;
      },
    );
  };
