import { ConnectorCallError, type PlatformGateway, type PlatformRequest } from '@junction/runtime';
import type { Caller } from '../auth/roles.ts';
import { HttpError } from '../errors.ts';
import type { ConnectionRepository } from '../repositories/connection-repository.ts';
import type { TokenRepository } from '../repositories/token-repository.ts';
import type { PlatformService } from './platform-service.ts';

function needId(request: PlatformRequest): string {
  if (!request.id) {
    throw new HttpError(400, 'bad-request', `${request.action} needs the record's id.`);
  }
  return request.id;
}

async function perform(
  platform: PlatformService,
  caller: Caller,
  request: PlatformRequest,
  signal: AbortSignal,
): Promise<unknown[]> {
  const { object, accountId } = request;
  switch (request.action) {
    case 'get':
      return [await platform.get(caller, object, accountId, needId(request))];
    case 'query': {
      // The connector pages for the process (§11.1): every result, however many pages.
      let page = await platform.query(caller, object, accountId, request.filter);
      const results = [...page.result];
      while (page.queryToken !== undefined) {
        signal.throwIfAborted();
        page = await platform.queryMore(caller, page.queryToken);
        results.push(...page.result);
      }
      return results;
    }
    case 'create':
      return [await platform.create(caller, object, accountId, request.body)];
    case 'update':
      return [await platform.update(caller, object, accountId, needId(request), request.body)];
    case 'delete':
      return [await platform.remove(caller, object, accountId, needId(request))];
    case 'execute':
      if (!request.executeAction) {
        throw new HttpError(400, 'bad-request', 'Execute needs an action.');
      }
      return [await platform.execute(caller, request.executeAction, accountId, request.body)];
  }
}

/**
 * The Partner API connector's way into this server: the connection's stored
 * platform token says who is calling (account and role), and the action goes
 * through the same service as the REST API — same hierarchy and role checks,
 * no HTTP loopback. Refusals (403, 404, 400, …) become application errors so
 * Return Application Error Responses can hand them on as documents.
 */
export function createPlatformGateway(deps: {
  connections: ConnectionRepository;
  tokens: TokenRepository;
  platform: PlatformService;
}): (accountId: string) => PlatformGateway {
  return (runAccountId) => ({
    async execute(connectionId, request, signal) {
      signal.throwIfAborted();
      const connection = await deps.connections.credentials(runAccountId, connectionId);
      if (!connection) {
        throw new ConnectorCallError('failure', `Connection "${connectionId}" does not exist.`);
      }
      if (connection.kind !== 'junction-platform') {
        throw new ConnectorCallError(
          'failure',
          `Connection "${connectionId}" is not a Platform API connection.`,
        );
      }
      const token = await deps.tokens.resolve(connection.token);
      if (!token) {
        throw new ConnectorCallError(
          'application',
          'The connection’s Platform API token is unknown or revoked.',
          401,
          { error_code: 'unauthorized' },
        );
      }
      const caller: Caller = {
        homeAccountId: token.accountId,
        accountId: token.accountId,
        role: token.role,
        tokenId: token.id,
      };
      try {
        return await perform(deps.platform, caller, request, signal);
      } catch (error) {
        if (error instanceof HttpError) {
          throw new ConnectorCallError('application', error.message, error.status, {
            error_code: error.code,
            message: error.message,
            ...error.details,
          });
        }
        throw error;
      }
    },
  });
}
