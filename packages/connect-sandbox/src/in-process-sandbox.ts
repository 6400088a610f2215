import Fastify from 'fastify';
import { createInjectFetch } from './inject-fetch.ts';
import { connectSandbox, SANDBOX_DEMO_TOKEN } from './plugin.ts';
import { createSandboxState, type SandboxStateOptions } from './seed/create-state.ts';
import type { SandboxState } from './store/state.ts';
import type { SandboxWebhookOptions } from './webhooks/webhook-dispatcher.ts';

/** Where the in-process sandbox answers; the host name is never resolved. */
const IN_PROCESS_ENDPOINT = 'http://sandbox.invalid/public/v1';

export interface InProcessSandbox {
  /** A `fetch` answered by the sandbox in this process: nothing listens, nothing leaves. */
  fetch: typeof fetch;
  /** The Connect API base URL to give a client together with `fetch`. */
  endpoint: string;
  /** The `Authorization` value the sandbox accepts. */
  token: string;
  state: SandboxState;
  close(): Promise<void>;
}

/**
 * A Connect sandbox as a function: hosts that need one in process (the CLI, tests,
 * benchmarks) get a `fetch` for a Connect client and never build a web app themselves.
 * Give `state` to serve objects the caller keeps (and inspects), or a seed and scale.
 */
export async function createInProcessSandbox(
  options: SandboxStateOptions & { state?: SandboxState; webhooks?: SandboxWebhookOptions } = {},
): Promise<InProcessSandbox> {
  const state = options.state ?? createSandboxState(options);
  const app = Fastify();
  await app.register(connectSandbox, {
    prefix: new URL(IN_PROCESS_ENDPOINT).pathname,
    token: SANDBOX_DEMO_TOKEN,
    state,
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
  });
  await app.ready();
  return {
    fetch: createInjectFetch(app),
    endpoint: IN_PROCESS_ENDPOINT,
    token: SANDBOX_DEMO_TOKEN,
    state,
    close: () => app.close(),
  };
}
