import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeApiError } from '../../../lib/api-issues.ts';
import { connectionsQuery } from '../../connections/connection-queries.ts';
import { deploymentsQuery } from '../../deployments/deployment-queries.ts';
import { SelectField } from './forms/fields.tsx';
import { registerConnectWebhookRequest } from './listener-queries.ts';

/**
 * "Register webhook on Connect": the server creates the webhook through one of the
 * account's Connect connections, pointing at the listener's URL in the chosen
 * environment and signed with the sealed secret (neither ever reaches the browser).
 */
export function WebhookRegister({ processId }: { processId: string }) {
  const deployments = useQuery(deploymentsQuery);
  const connections = useQuery(connectionsQuery);
  const environments = (deployments.data ?? [])
    .filter((d) => d.processId === processId)
    .map((d) => d.environmentId);
  const connect = (connections.data ?? []).filter((c) => c.kind !== 'junction-platform');
  const [environmentId, setEnvironmentId] = useState('');
  const [connectionId, setConnectionId] = useState('');
  const [productId, setProductId] = useState('');
  const environment = environmentId || environments[0] || '';
  const connection = connectionId || connect[0]?.id || '';
  const register = useMutation({
    mutationFn: () =>
      registerConnectWebhookRequest(processId, {
        environmentId: environment,
        connectionId: connection,
        productId: productId.trim(),
      }),
  });
  if (environments.length === 0) {
    return null;
  }
  return (
    <section aria-label="Register on Connect" className="webhook-register">
      <h4>Register on Connect</h4>
      <SelectField
        label="Environment"
        value={environment}
        onChange={setEnvironmentId}
        choices={environments.map((id) => ({ value: id, label: id }))}
      />
      <SelectField
        label="Connect connection"
        value={connection}
        onChange={setConnectionId}
        choices={connect.map((c) => ({ value: c.id, label: c.name }))}
      />
      <label>
        Product id
        <input
          value={productId}
          placeholder="PRD-000-000-000"
          onChange={(e) => setProductId(e.target.value)}
        />
      </label>
      <button
        type="button"
        disabled={!connection || productId.trim() === '' || register.isPending}
        onClick={() => register.mutate()}
      >
        Register webhook on Connect
      </button>
      <p className="hint" role="status">
        {register.isSuccess
          ? `Registered webhook ${register.data.webhookId}: Connect calls ${register.data.externalUrl}.`
          : register.isError
            ? `Could not register the webhook: ${describeApiError(register.error)}`
            : ''}
      </p>
    </section>
  );
}
