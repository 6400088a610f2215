import { createConnectClient } from '@junction/connect-client';
import type { ConnectorOperation } from '@junction/process-model';
import { ConnectorCallError, type ConnectorGateway, callConnectUnparsed } from '@junction/runtime';
import type { ConnectionRepository } from '../repositories/connection-repository.ts';
import type { ConnectionFetch } from './connection-fetch.ts';

/**
 * The runtime's connector gateway for one account: looks up the shape's
 * connection, decrypts its token here on the server, and calls Connect (or the
 * in-process sandbox). API errors become application errors; everything else is
 * a failure.
 */
export function createConnectGateway(
  connections: ConnectionRepository,
  accountId: string,
  fetchFor: ConnectionFetch,
): ConnectorGateway {
  // A gateway serves one run: each connection is read and its token decrypted once for
  // the run, not once per call (a shape calls once per document or page).
  const credentials = new Map<string, ReturnType<ConnectionRepository['credentials']>>();
  const credentialsOf = (connectionId: string) => {
    let found = credentials.get(connectionId);
    if (!found) {
      found = connections.credentials(accountId, connectionId);
      // A failed read (storage, a key that cannot open it) is tried again by the next call.
      found.catch(() => credentials.delete(connectionId));
      credentials.set(connectionId, found);
    }
    return found;
  };
  return {
    async execute(operation: ConnectorOperation, request, signal) {
      const connection = await credentialsOf(operation.connectionId);
      if (!connection) {
        throw new ConnectorCallError(
          'failure',
          `Connection "${operation.connectionId}" does not exist.`,
        );
      }
      if (connection.kind === 'junction-platform') {
        throw new ConnectorCallError(
          'failure',
          `Connection "${operation.connectionId}" is a Platform API connection, not a Connect one.`,
        );
      }
      const client = createConnectClient({
        endpoint: connection.endpoint,
        token: connection.token,
        fetch: fetchFor(connection.kind),
      });
      return callConnectUnparsed(client, operation, request, signal);
    },
  };
}
