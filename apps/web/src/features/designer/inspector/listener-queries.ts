import type {
  ConnectWebhookRegistration,
  ConnectWebhookRegistrationBody,
  ListenerSecretView,
  ListenerTestView,
} from '@junction/api';
import type { ProcessDocument } from '@junction/process-model';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export const listenerKeys = {
  secret: (processId: string) => ['processes', processId, 'listener-secret'] as const,
  test: (processId: string, token: string) =>
    ['processes', processId, 'listener-tests', token] as const,
};

export const listenerSecretQuery = (processId: string) =>
  queryOptions({
    queryKey: listenerKeys.secret(processId),
    queryFn: async () =>
      (
        await api<ListenerSecretView>(
          `/api/processes/${encodeURIComponent(processId)}/listener-secret`,
        )
      ).data,
  });

export async function setListenerSecretRequest(processId: string, secret: string) {
  return (
    await api<ListenerSecretView>(
      `/api/processes/${encodeURIComponent(processId)}/listener-secret`,
      { method: 'PUT', body: { secret } },
    )
  ).data;
}

export async function openTestListenerRequest(process: ProcessDocument) {
  return (
    await api<ListenerTestView>(`/api/processes/${encodeURIComponent(process.id)}/listener-tests`, {
      method: 'POST',
      body: { process },
    })
  ).data;
}

export async function closeTestListenerRequest(processId: string, token: string) {
  await api(`/api/processes/${encodeURIComponent(processId)}/listener-tests/${token}`, {
    method: 'DELETE',
  });
}

/** Followed every second while it listens; settles once the call came or the URL expired. */
export const testListenerQuery = (processId: string, token: string) =>
  queryOptions({
    queryKey: listenerKeys.test(processId, token),
    queryFn: async () =>
      (
        await api<ListenerTestView>(
          `/api/processes/${encodeURIComponent(processId)}/listener-tests/${token}`,
        )
      ).data,
    refetchInterval: (query) => (query.state.data?.status === 'listening' ? 1000 : false),
  });

export async function registerConnectWebhookRequest(
  processId: string,
  body: ConnectWebhookRegistrationBody,
) {
  return (
    await api<ConnectWebhookRegistration>(
      `/api/processes/${encodeURIComponent(processId)}/connect-webhook`,
      { method: 'POST', body },
    )
  ).data;
}
