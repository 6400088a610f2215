import type { ConnectClient } from '../client.ts';
import type { ConnectComponents } from '../types.ts';
import type { ConnectWebhookObjectClass } from './webhook-payload.ts';

/** A Connect webhook as `/notifications/webhooks` returns it. */
export type ConnectWebhook = ConnectComponents['schemas']['ns.Webhook'];

/** What {@link registerWebhook} needs; the rest of the body has Connect's defaults. */
export interface RegisterWebhookOptions {
  objectClass: ConnectWebhookObjectClass;
  /** Where Connect calls: the listener's public URL. */
  externalUrl: string;
  /** Secret Connect signs each call's JWT with; the listener verifies with the same. */
  jwtSecret: string;
  /** Product whose objects the webhook watches. */
  productId: string;
  label?: string;
  description?: string;
  /** Default true. */
  active?: boolean;
  /** Extra headers Connect sends with every call. */
  headers?: Record<string, string>;
  /** Static JSON Connect sends with every call. */
  data?: Record<string, unknown>;
  signal?: AbortSignal;
}

/**
 * Creates an `event` webhook through `POST /notifications/webhooks` and returns it as
 * Connect stored it (with its `id`). Connect's errors surface as `ConnectApiError`.
 */
export async function registerWebhook(
  client: ConnectClient,
  options: RegisterWebhookOptions,
): Promise<ConnectWebhook> {
  const body = {
    type: 'event',
    object_class: options.objectClass,
    label: options.label ?? `Junction ${options.objectClass}`,
    description: options.description ?? `Calls ${options.externalUrl}`,
    product_id: options.productId,
    external_url: options.externalUrl,
    jwt_secret: options.jwtSecret,
    active: options.active ?? true,
    http_method: 'POST',
    headers: options.headers ?? {},
    data: options.data ?? {},
  };
  return client
    .ns('notifications')
    .collection<ConnectWebhook>('webhooks')
    .create(body, options.signal ? { signal: options.signal } : {});
}
