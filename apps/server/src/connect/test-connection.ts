import { ConnectApiError, createConnectClient, isConnectError } from '@junction/connect-client';
import type { ConnectionCredentials } from '../repositories/connection-repository.ts';

/**
 * Proves a connection works by reading the caller's own account, the cheapest
 * call every token may make. Reports Connect's own error text on failure.
 */
export async function testConnectCredentials(
  connection: ConnectionCredentials,
  fetchImpl: typeof fetch,
): Promise<{ ok: boolean; message: string }> {
  const client = createConnectClient({
    endpoint: connection.endpoint,
    token: connection.token,
    timeoutMs: 15_000,
    retry: { maxRetries: 0 },
    fetch: fetchImpl,
  });
  try {
    const account = (await client.collection('accounts').first()) as
      | { id?: string; name?: string }
      | undefined;
    return {
      ok: true,
      message: account
        ? `Connected as ${account.name ?? ''} (${account.id ?? 'unknown id'}).`
        : 'Connected.',
    };
  } catch (error) {
    if (error instanceof ConnectApiError && error.status === 401) {
      return {
        ok: false,
        message: 'Connect refused the API token (401). Check the token and its permissions.',
      };
    }
    return { ok: false, message: isConnectError(error) ? error.message : String(error) };
  }
}
