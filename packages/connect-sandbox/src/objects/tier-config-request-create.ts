import { validationError } from '../errors.ts';
import { randomId, tierConfigRequestId } from '../ids.ts';
import { arrayAt, type JsonObject, objectAt, stringAt } from '../json.ts';
import type { SandboxState } from '../store/state.ts';

/**
 * Creates a TCR from a `POST /tier/config-requests` body: setup bodies name a
 * product and account (a new tier config is made in `processing`), update
 * bodies name an existing config. The config's `open_request` points at it.
 */
export function createTcr(state: SandboxState, body: JsonObject): JsonObject {
  const configBody = objectAt(body, 'configuration');
  const now = state.now();
  let config = state.get('tier-config', stringAt(configBody, 'id'));
  const type = stringAt(body, 'type') || (config ? 'update' : 'setup');
  if (config === undefined) {
    const accountId = stringAt(objectAt(configBody, 'account'), 'id');
    const productId = stringAt(objectAt(configBody, 'product'), 'id');
    const account = state.get('tier-account', accountId);
    const product = state.get('product', productId);
    if (account === undefined || product === undefined) {
      throw validationError(
        ...(account
          ? []
          : [`configuration.account.id: Tier account ${accountId || '(missing)'} not found.`]),
        ...(product
          ? []
          : [`configuration.product.id: Product ${productId || '(missing)'} not found.`]),
      );
    }
    const tierLevel = Number(configBody['tier_level'] ?? 1);
    config = {
      id: randomId(state.random, 'tierConfig'),
      name: `Configuration of ${accountId}`,
      account: {
        id: accountId,
        external_id: account['external_id'] ?? '',
        external_uid: account['external_uid'] ?? '',
        name: account['name'] ?? '',
        contact_info: account['contact_info'] ?? null,
      },
      product: {
        id: productId,
        icon: product['icon'] ?? '',
        name: product['name'] ?? '',
        status: product['status'] ?? '',
      },
      tier_level: tierLevel,
      params: [],
      status: 'processing',
      events: { created: { at: now }, updated: { at: now } },
    };
  }
  const configId = stringAt(config, 'id');
  const id = tierConfigRequestId(configId, state.nextSequence(`TCR:${configId}`));
  const draft = stringAt(body, 'status') === 'draft';
  const params =
    arrayAt(body, 'params').length > 0 ? arrayAt(body, 'params') : arrayAt(config, 'params');
  state.put('tier-config', { ...config, open_request: { id } });
  const tcr: JsonObject = {
    id,
    type,
    status: draft ? 'draft' : 'pending',
    configuration: config,
    parent_configuration: null,
    previous_approved_request: null,
    params,
    assignee: null,
    template: null,
    activation: { link: '' },
    notes: stringAt(body, 'notes'),
    reason: '',
    environment: 'production',
    effective_date: null,
    tiers: { tier1: objectAt(config, 'account') },
    events: { created: { at: now }, updated: { at: now } },
  };
  state.put('tier-config-request', tcr);
  return tcr;
}
