import { type JsonObject, objectAt, stringAt, valueAtPath } from '../json.ts';
import type { CollectionName } from '../store/collections.ts';
import type { SandboxChange, SandboxState } from '../store/state.ts';

/** Which stored family each webhook class watches, and where its product id sits. */
const SOURCES: Partial<Record<CollectionName, { objectClass: string; productPath: string }>> = {
  request: { objectClass: 'fulfillment_request', productPath: 'asset.product.id' },
  'tier-config-request': {
    objectClass: 'tier_config_request',
    productPath: 'configuration.product.id',
  },
  'tier-account-request': { objectClass: 'tier_account_request', productPath: 'product.id' },
  'subscription-request': { objectClass: 'billing_request', productPath: 'asset.product.id' },
  'usage-report': { objectClass: 'usage_file', productPath: 'product.id' },
};

/** One thing a webhook reports: the object as `GET` returns it and what happened to it. */
export interface WebhookEvent {
  type: 'created' | 'status_changed' | 'trigger';
  objectClass: string;
  productId: string;
  object: JsonObject;
  status: string | null;
  previousStatus: string | null;
}

/**
 * The event a state change makes, if any: an object of a watched family created, or its
 * `status` changed. Other updates (notes, parameters, assignees) are not events, nor are
 * deletions or whole-state resets.
 */
export function eventOfChange(state: SandboxState, change: SandboxChange): WebhookEvent | null {
  if (change.kind === 'reset' || change.kind === 'delete') {
    return null;
  }
  const source = SOURCES[change.collection];
  const object = state.get(change.collection, change.id);
  if (source === undefined || object === undefined) {
    return null;
  }
  const status = statusOf(object);
  if (change.kind === 'update' && statusOf(change.previous) === status) {
    return null;
  }
  return {
    type: change.kind === 'create' ? 'created' : 'status_changed',
    objectClass: source.objectClass,
    productId: String(valueAtPath(object, source.productPath) ?? ''),
    object,
    status,
    previousStatus: change.kind === 'update' ? statusOf(change.previous) : null,
  };
}

/** True when an active event webhook watches this event's class and product. */
export function webhookWants(webhook: JsonObject, event: WebhookEvent): boolean {
  return (
    webhook['active'] === true &&
    // Validator webhooks answer Connect synchronously about drafts; the sandbox has no such step.
    stringAt(webhook, 'type') === 'event' &&
    webhook['object_class'] === event.objectClass &&
    objectAt(webhook, 'product')['id'] === event.productId
  );
}

/** The newest stored object a webhook watches (what `trigger` sends), or undefined. */
export function latestObjectFor(
  state: SandboxState,
  webhook: JsonObject,
): WebhookEvent | undefined {
  for (const [collection, source] of Object.entries(SOURCES)) {
    if (source?.objectClass !== webhook['object_class']) {
      continue;
    }
    const productId = objectAt(webhook, 'product')['id'];
    const objects = state.all(collection as CollectionName);
    for (let i = objects.length - 1; i >= 0; i -= 1) {
      const object = objects[i] as JsonObject;
      if (valueAtPath(object, source.productPath) === productId) {
        const status = statusOf(object);
        return {
          type: 'trigger',
          objectClass: source.objectClass,
          productId: String(productId),
          object,
          status,
          previousStatus: status,
        };
      }
    }
  }
  return undefined;
}

function statusOf(object: JsonObject): string | null {
  return typeof object['status'] === 'string' ? object['status'] : null;
}
