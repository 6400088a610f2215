import type { ConnectWebhookRegistration } from '@junction/api';
import { ConnectError, createConnectClient, registerWebhook } from '@junction/connect-client';
import type { ConnectionFetch } from '../connect/connection-fetch.ts';
import { HttpError, notFound } from '../errors.ts';
import type { ConnectionRepository } from '../repositories/connection-repository.ts';
import type { DeploymentRepository } from '../repositories/deployment-repository.ts';
import type { ListenerSecretRepository } from '../repositories/listener-secret-repository.ts';
import type { ProcessRepository } from '../repositories/process-repository.ts';
import { listenerOf } from './listener-lookup.ts';

export interface WebhookRegisterDeps {
  processes: ProcessRepository;
  deployments: DeploymentRepository;
  connections: ConnectionRepository;
  secrets: ListenerSecretRepository;
  fetchFor: ConnectionFetch;
  /** JUNCTION_PUBLIC_URL: where Connect reaches this server. */
  publicUrl: string;
}

export interface WebhookRegisterInput {
  accountId: string;
  processId: string;
  environmentId: string;
  connectionId: string;
  productId: string;
}

/** The deployed revision's webhook listener in the environment; 409 when there is none. */
async function deployedWebhook(deps: WebhookRegisterDeps, input: WebhookRegisterInput) {
  const [deployment] = await deps.deployments.active(
    input.accountId,
    input.processId,
    input.environmentId,
  );
  if (!deployment) {
    throw new HttpError(
      409,
      'not-deployed',
      `Process ${input.processId} is not deployed to ${input.environmentId}: deploy it before registering its webhook.`,
    );
  }
  const document = await deps.processes.revision(
    input.accountId,
    input.processId,
    deployment.revision,
  );
  const listener = document ? listenerOf(document) : undefined;
  if (listener?.kind !== 'connect-webhook') {
    throw new HttpError(
      409,
      'not-a-webhook',
      `The revision deployed to ${input.environmentId} does not listen for Connect webhook calls.`,
    );
  }
  return listener;
}

/**
 * Creates the webhook on Connect through the account's connection, on the server:
 * the connection's token and the listener's secret never reach the browser, and the
 * call goes through the connection's fetch (the sandbox in process, anything else
 * through the egress guard). The answer never contains the secret.
 */
export async function registerConnectWebhook(
  deps: WebhookRegisterDeps,
  input: WebhookRegisterInput,
): Promise<ConnectWebhookRegistration> {
  const listener = await deployedWebhook(deps, input);
  const secret = await deps.secrets.reveal(input.accountId, input.processId);
  if (secret === undefined) {
    throw new HttpError(
      409,
      'no-secret',
      'Save the webhook’s JWT secret first: Connect signs its calls with it.',
    );
  }
  const connection = await deps.connections.credentials(input.accountId, input.connectionId);
  if (!connection) {
    throw notFound(`Connection ${input.connectionId}`);
  }
  if (connection.kind === 'junction-platform') {
    throw new HttpError(
      400,
      'not-connect',
      'Webhooks are registered on a CloudBlue Connect connection.',
    );
  }
  const externalUrl = `${deps.publicUrl.replace(/\/+$/, '')}/api/listen/${encodeURIComponent(input.environmentId)}/${listener.path}`;
  const client = createConnectClient({
    endpoint: connection.endpoint,
    token: connection.token,
    timeoutMs: 20_000,
    fetch: deps.fetchFor(connection.kind),
  });
  try {
    const created = await registerWebhook(client, {
      objectClass: listener.objectClass,
      externalUrl,
      jwtSecret: secret,
      productId: input.productId,
      label: `Junction ${input.processId} (${input.environmentId})`,
      signal: AbortSignal.timeout(30_000),
    });
    return {
      webhookId: String(created.id),
      objectClass: listener.objectClass,
      externalUrl,
      productId: input.productId,
    };
  } catch (error) {
    if (error instanceof ConnectError) {
      // Connect's refusal is the user's to fix; its words never carry the secret we sent.
      throw new HttpError(
        502,
        'connect-error',
        `Connect answered: ${error.message.replaceAll(secret, '***')}`,
      );
    }
    throw error;
  }
}
