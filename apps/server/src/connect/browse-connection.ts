import { createConnectClient } from '@junction/connect-client';
import {
  isValidConnectPair,
  type JsonSchemaProfile,
  profileFromSample,
} from '@junction/process-model';
import { ConnectorCallError, callConnect } from '@junction/runtime';
import { HttpError, notFound } from '../errors.ts';
import type { ConnectionRepository } from '../repositories/connection-repository.ts';
import type { ConnectionFetch } from './connection-fetch.ts';

export interface BrowseResult {
  object: string;
  sample: unknown;
  profile: JsonSchemaProfile | null;
}

/**
 * Import Operation: reads one record of `object` through the connection (on the
 * server, with its stored token) and infers the response profile from it.
 */
export async function browseConnection(
  connections: ConnectionRepository,
  accountId: string,
  connectionId: string,
  object: string,
  fetchFor: ConnectionFetch,
): Promise<BrowseResult> {
  if (!isValidConnectPair('list', object)) {
    throw new HttpError(
      400,
      'bad-object',
      `"${object}" is not a Connect object that can be listed.`,
    );
  }
  const connection = await connections.credentials(accountId, connectionId);
  if (!connection) {
    throw notFound(`Connection ${connectionId}`);
  }
  if (connection.kind === 'junction-platform') {
    throw new HttpError(
      400,
      'not-connect',
      'Import Operation browses CloudBlue Connect connections.',
    );
  }
  const client = createConnectClient({
    endpoint: connection.endpoint,
    token: connection.token,
    timeoutMs: 20_000,
    fetch: fetchFor(connection.kind),
  });
  try {
    const [sample] = await callConnect(
      client,
      { action: 'list', object },
      { maxRecords: 1 },
      AbortSignal.timeout(30_000),
    );
    return {
      object,
      sample: sample ?? null,
      profile: sample === undefined ? null : profileFromSample(sample),
    };
  } catch (error) {
    // Connect's refusal (bad token, no permission) is the user's to fix: say it as is.
    const message = error instanceof ConnectorCallError ? error.message : String(error);
    throw new HttpError(502, 'connect-error', `Connect answered: ${message}`);
  }
}
