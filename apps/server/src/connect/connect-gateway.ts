import {
  ConnectApiError,
  createConnectClient,
  executeConnectOperation,
  isConnectError,
} from '@junction/connect-client';
import type { ConnectorOperation } from '@junction/process-model';
import type { ConnectionRepository } from '../repositories/connection-repository.ts';
import { ConnectorCallError, type ConnectorGateway } from '../runtime/types.ts';

/**
 * The runtime's connector gateway for one account: looks up the shape's
 * connection, decrypts its token here on the server, and calls Connect (or the
 * in-process sandbox). API errors become application errors; everything else is
 * a failure.
 */
export function createConnectGateway(
  connections: ConnectionRepository,
  accountId: string,
  sandboxFetch: typeof fetch,
): ConnectorGateway {
  return {
    async execute(operation: ConnectorOperation, request, signal) {
      const connection = await connections.credentials(accountId, operation.connectionId);
      if (!connection) {
        throw new ConnectorCallError(
          'failure',
          `Connection "${operation.connectionId}" does not exist.`,
        );
      }
      const client = createConnectClient({
        endpoint: connection.endpoint,
        token: connection.token,
        ...(connection.kind === 'sandbox' ? { fetch: sandboxFetch } : {}),
      });
      try {
        const result = await executeConnectOperation(client, {
          action: operation.action,
          object: operation.object,
          signal,
          ...definedOnly(request),
        });
        return result.records;
      } catch (error) {
        if (error instanceof ConnectApiError) {
          throw new ConnectorCallError('application', error.message, error.status, error.body);
        }
        throw new ConnectorCallError(
          'failure',
          isConnectError(error) ? error.message : String(error),
        );
      }
    },
  };
}

function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
