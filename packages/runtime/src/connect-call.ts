import {
  ConnectApiError,
  type ConnectClient,
  executeConnectOperation,
  isConnectError,
} from '@junction/connect-client';
import type { ConnectorOperation } from '@junction/process-model';
import { ConnectorCallError, type ConnectorGateway, type ConnectorRequest } from './types.ts';

function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}

/**
 * Performs one connector operation with a ready client and classifies failures
 * for the runtime: an API error answer is an application error (Return
 * Application Error Responses may turn it into a document); anything else fails.
 */
export async function callConnect(
  client: ConnectClient,
  operation: Pick<ConnectorOperation, 'action' | 'object'>,
  request: ConnectorRequest,
  signal: AbortSignal,
): Promise<unknown[]> {
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
    throw new ConnectorCallError('failure', isConnectError(error) ? error.message : String(error));
  }
}

/** A gateway that sends every connector shape's operation through one ready client. */
export function connectClientGateway(client: ConnectClient): ConnectorGateway {
  return {
    execute: (operation, request, signal) => callConnect(client, operation, request, signal),
  };
}
