import type { Role, Session } from '@junction/api';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const P = '/api/platform/v1';

export const ROLES: readonly Role[] = ['viewer', 'operator', 'builder', 'admin'];

export interface AccountView {
  id: string;
  name: string;
  parentAccountId: string | null;
  status: string;
}

export interface TokenView {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The switcher's choice travels as a cookie, so every API call acts on that account. */
export const ACCOUNT_COOKIE = 'junction_account';

export function chooseAccount(accountId: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and Safari; the one value is encoded here.
  document.cookie = `${ACCOUNT_COOKIE}=${encodeURIComponent(accountId)}; Path=/; SameSite=Strict`;
  // Every cached query belongs to the old account: start clean.
  window.location.reload();
}

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async () => (await api<Session>('/api/session')).data,
});

/** Every account the credentials reach: their own and all below it. */
export const hierarchyQuery = (homeAccountId: string) =>
  queryOptions({
    queryKey: ['accounts', homeAccountId],
    queryFn: async () =>
      (
        await api<{ result: AccountView[] }>(`${P}/Account/query`, {
          method: 'POST',
          body: {},
          // The header wins over the switcher's cookie: list from the top.
          headers: { 'x-junction-account': homeAccountId },
        })
      ).data.result,
  });

export const tokensQuery = queryOptions({
  queryKey: ['tokens'],
  queryFn: async () =>
    (await api<{ result: TokenView[] }>(`${P}/Token/query`, { method: 'POST', body: {} })).data
      .result,
});

export async function createToken(input: { name: string; role: Role }) {
  return (await api<TokenView & { token: string }>(`${P}/Token`, { method: 'POST', body: input }))
    .data;
}

export async function revokeToken(id: string) {
  await api(`${P}/Token/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function createCustomerAccount(name: string) {
  return (await api<AccountView>(`${P}/Account`, { method: 'POST', body: { name } })).data;
}
