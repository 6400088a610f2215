import { createConnectClient } from '@junction/connect-client';
import { createInProcessSandbox } from '@junction/connect-sandbox';
import { type ConnectorGateway, connectClientGateway } from '@junction/runtime';
import { UsageError } from './args.ts';

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
    const sandbox = await createInProcessSandbox();
    const client = createConnectClient({
      endpoint: sandbox.endpoint,
      token: sandbox.token,
      fetch: sandbox.fetch,
    });
    return { gateway: connectClientGateway(client), close: sandbox.close };
  }
  if (!/^https?:\/\//.test(connection)) {
    throw new UsageError(`--connection must be "sandbox" or an http(s) URL, got "${connection}".`);
  }
  const token = env[tokenEnv];
  if (!token) {
    throw new UsageError(`Set the API token in the environment variable ${tokenEnv}.`);
  }
  const client = createConnectClient({ endpoint: connection.replace(/\/+$/, ''), token });
  return { gateway: connectClientGateway(client), close: async () => {} };
}
