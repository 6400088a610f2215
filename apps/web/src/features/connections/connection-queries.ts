import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** A connection as the server shows it: the token is never part of it. */
export interface ConnectionView {
  id: string;
  name: string;
  kind: 'cloudblue-connect' | 'sandbox' | 'junction-platform';
  endpoint: string;
  createdAt: string;
  updatedAt: string;
}

export const connectionKeys = { all: ['connections'] as const };

export const connectionsQuery = queryOptions({
  queryKey: connectionKeys.all,
  queryFn: async () => (await api<{ items: ConnectionView[] }>('/api/connections')).data.items,
});

export async function createConnectionRequest(input: {
  name: string;
  kind?: 'cloudblue-connect' | 'junction-platform';
  endpoint?: string;
  token: string;
}) {
  return (await api<ConnectionView>('/api/connections', { method: 'POST', body: input })).data;
}

export async function updateConnectionRequest(
  id: string,
  input: { name: string; endpoint: string; token?: string },
) {
  return (
    await api<ConnectionView>(`/api/connections/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: input,
    })
  ).data;
}

export async function deleteConnectionRequest(id: string) {
  await api(`/api/connections/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function testConnectionRequest(id: string) {
  return (
    await api<{ ok: boolean; message: string }>(`/api/connections/${encodeURIComponent(id)}/test`, {
      method: 'POST',
    })
  ).data;
}

/** Puts the built-in sandbox back to its seed data. */
export async function resetSandboxRequest() {
  await api('/api/sandbox/reset', { method: 'POST' });
}
