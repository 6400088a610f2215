import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createSandboxState, type SandboxState, stateSummary } from '@junction/connect-sandbox';

export const SANDBOX_ADMIN_PREFIX = '/sandbox/admin';

/**
 * "Reset sandbox" for the UI: puts the built-in sandbox back to its seed. It goes
 * through /api so role limits apply; the sandbox's own admin endpoints are for
 * the install's administrator only.
 */
export const sandboxRoutes =
  (state: SandboxState): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post('/api/sandbox/reset', { schema: { tags: ['sandbox'] } }, async () => {
      state.replace(createSandboxState({ seed: state.seed, scale: state.scale }).snapshot());
      return stateSummary(state);
    });
  };
