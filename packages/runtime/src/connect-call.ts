import {
  ConnectApiError,
  type ConnectClient,
  executeConnectOperation,
  getConnectOperation,
  isConnectError,
  listConnectPages,
} from '@junction/connect-client';
import type { ConnectorOperation } from '@junction/process-model';
import { recordsOf } from './record-pages.ts';
import {
  ConnectorCallError,
  type ConnectorGateway,
  type ConnectorRecords,
  type ConnectorRequest,
} from './types.ts';

function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}

/**
 * Performs one connector operation with a ready client and classifies failures
 * for the runtime: an API error answer is an application error (Return
 * Application Error Responses may turn it into a document); anything else fails.
 * A list comes back as its pages, unparsed and fetched as they are read
 * (`RecordPages`): the engine parses them where it runs, so a host that runs the
 * engine in another thread neither parses nor copies the records on its own thread,
 * and the engine works on one page while the next is fetched.
 */
export async function callConnectUnparsed(
  client: ConnectClient,
  operation: Pick<ConnectorOperation, 'action' | 'object'>,
  request: ConnectorRequest,
  signal: AbortSignal,
): Promise<ConnectorRecords> {
  const connectRequest = {
    action: operation.action,
    object: operation.object,
    signal,
    ...definedOnly(request),
  };
  try {
    if (getConnectOperation(operation.action, operation.object).kind === 'list') {
      const pages = classified(listConnectPages(client, connectRequest));
      return { pages, maxRecords: request.maxRecords };
    }
    return (await executeConnectOperation(client, connectRequest)).records;
  } catch (error) {
    throw toConnectorError(error);
  }
}

/** The pages, with a failure while fetching them classified as `callConnectUnparsed` says. */
async function* classified<T>(pages: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  try {
    yield* pages;
  } catch (error) {
    throw toConnectorError(error);
  }
}

function toConnectorError(error: unknown): ConnectorCallError {
  if (error instanceof ConnectApiError) {
    return new ConnectorCallError('application', error.message, error.status, error.body);
  }
  return new ConnectorCallError('failure', isConnectError(error) ? error.message : String(error));
}

/** {@link callConnectUnparsed} with the records parsed here. */
export async function callConnect(
  client: ConnectClient,
  operation: Pick<ConnectorOperation, 'action' | 'object'>,
  request: ConnectorRequest,
  signal: AbortSignal,
): Promise<unknown[]> {
  return recordsOf(await callConnectUnparsed(client, operation, request, signal));
}

/** A gateway that sends every connector shape's operation through one ready client. */
export function connectClientGateway(client: ConnectClient): ConnectorGateway {
  return {
    execute: (operation, request, signal) =>
      callConnectUnparsed(client, operation, request, signal),
  };
}
