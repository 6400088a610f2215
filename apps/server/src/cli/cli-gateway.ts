import { createConnectClient } from '@junction/connect-client';
import { connectSandbox, createSandboxState, SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox';
import Fastify from 'fastify';
import { callConnect } from '../connect/call-connect.ts';
import { createInjectFetch } from '../connect/inject-fetch.ts';
import type { ConnectorGateway } from '../runtime/types.ts';
import { UsageError } from './args.ts';

const SANDBOX_PREFIX = '/sandbox/connect/public/v1';

/**
 * The CLI's one connection: the built-in sandbox (in process, nothing listens)
 * or a Connect URL with a token from the environment. Every connector of the
 * process uses it, as a test run's chosen connection does on the server.
 */
export async function openCliGateway(
  connection: string,
  tokenEnv: string,
  env: NodeJS.ProcessEnv,
): Promise<{ gateway: ConnectorGateway; close(): Promise<void> }> {
  if (connection === 'sandbox') {
    const app = Fastify();
    await app.register(connectSandbox, { prefix: SANDBOX_PREFIX, state: createSandboxState() });
    await app.ready();
    const client = createConnectClient({
      endpoint: `http://sandbox.local${SANDBOX_PREFIX}`,
      token: SANDBOX_DEMO_TOKEN,
      fetch: createInjectFetch(app),
    });
    return {
      gateway: { execute: (op, request, signal) => callConnect(client, op, request, signal) },
      close: () => app.close(),
    };
  }
  if (!/^https?:\/\//.test(connection)) {
    throw new UsageError(`--connection must be "sandbox" or an http(s) URL, got "${connection}".`);
  }
  const token = env[tokenEnv];
  if (!token) {
    throw new UsageError(`Set the API token in the environment variable ${tokenEnv}.`);
  }
  const client = createConnectClient({ endpoint: connection.replace(/\/+$/, ''), token });
  return {
    gateway: { execute: (op, request, signal) => callConnect(client, op, request, signal) },
    close: async () => {},
  };
}
