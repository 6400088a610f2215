import type { ConnectionTestResult, ConnectionView } from '@junction/api';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

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
    await api<ConnectionTestResult>(`/api/connections/${encodeURIComponent(id)}/test`, {
      method: 'POST',
    })
  ).data;
}

/** Puts the built-in sandbox back to its seed data. */
export async function resetSandboxRequest() {
  await api('/api/sandbox/reset', { method: 'POST' });
}
