import { ConnectorCallError, type PlatformGateway, type PlatformRequest } from './types.ts';

/** A record of the in-memory Platform API: an object of one account. */
export interface PlatformRecord {
  id: string;
  accountId: string;
  name: string;
}

/**
 * A small in-memory Platform API for runtime tests (the server's real gateway lives
 * in src/platform): accounts with parents, records per object, Query answered in
 * pages of `pageSize` which the gateway follows, as the Partner API connector does.
 */
export function createTestPlatformGateway(init: {
  /** Account id → parent account id (roots map to null). */
  accounts: Record<string, string | null>;
  /** Connection id → the account it authenticates as. */
  connections: Record<string, string>;
  records?: Partial<Record<PlatformRequest['object'], PlatformRecord[]>>;
  pageSize?: number;
}): PlatformGateway & { calls: PlatformRequest[]; pages: number } {
  const pageSize = init.pageSize ?? 100;
  const calls: PlatformRequest[] = [];
  const state = { pages: 0 };

  const inHierarchy = (caller: string, target: string) => {
    for (let at: string | null | undefined = target; at; at = init.accounts[at]) {
      if (at === caller) {
        return true;
      }
    }
    return false;
  };

  const queryPage = (records: PlatformRecord[], token: number) => {
    state.pages++;
    const next = token + pageSize;
    return { result: records.slice(token, next), queryToken: next < records.length ? next : null };
  };

  const gateway = {
    calls,
    get pages() {
      return state.pages;
    },
    async execute(connectionId: string, request: PlatformRequest) {
      calls.push(request);
      const caller = init.connections[connectionId];
      if (caller === undefined) {
        throw new ConnectorCallError('failure', `Connection "${connectionId}" does not exist.`);
      }
      const account = request.accountId ?? caller;
      if (!inHierarchy(caller, account)) {
        const message = `Account "${account}" is outside the hierarchy of "${caller}".`;
        throw new ConnectorCallError('application', message, 403, { error: 'forbidden', message });
      }
      const records = (init.records?.[request.object] ?? []).filter((r) => r.accountId === account);
      switch (request.action) {
        case 'query': {
          const all: PlatformRecord[] = [];
          let token: number | null = 0;
          while (token !== null) {
            const page = queryPage(records, token);
            all.push(...page.result);
            token = page.queryToken;
          }
          return all;
        }
        case 'get': {
          const found = records.find((r) => r.id === request.id);
          if (!found) {
            throw new ConnectorCallError(
              'application',
              `No ${request.object} "${request.id}".`,
              404,
            );
          }
          return [found];
        }
        default:
          return [{ action: request.action, id: request.id, body: request.body, account }];
      }
    },
  };
  return gateway;
}
