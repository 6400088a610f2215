import { validationError } from '../errors.ts';
import { randomId, requestId } from '../ids.ts';
import { arrayAt, isObject, type JsonObject, objectAt, stringAt } from '../json.ts';
import { tierRef } from '../seed/tiers.ts';
import type { SandboxState } from '../store/state.ts';
import { trackPendingRequest } from './request-pending.ts';
import { requestShape } from './request-shape.ts';

const ASSET_CHECKS: Record<string, readonly string[]> = {
  change: ['active'],
  adjustment: ['active'],
  suspend: ['active'],
  resume: ['suspended'],
  cancel: ['active', 'suspended'],
};

/**
 * Creates a fulfillment request from a `POST /requests` body (§4.2): a
 * purchase creates its asset in `processing` (or `draft`); other types need an
 * existing asset in a compatible state. Returns the stored request.
 */
export function createRequest(state: SandboxState, body: JsonObject): JsonObject {
  const type = stringAt(body, 'type') || 'purchase';
  const now = state.now();
  const draft = stringAt(body, 'status') === 'draft';
  if (type === 'purchase') {
    const asset = createPurchaseAsset(state, body, draft ? 'draft' : 'processing', now);
    state.put('asset', asset);
    return storeRequest(state, type, asset, draft, now, body);
  }
  const allowed = ASSET_CHECKS[type];
  if (allowed === undefined) {
    throw validationError(`type: "${type}" is not a valid choice.`);
  }
  const assetBody = objectAt(body, 'asset');
  const assetId = stringAt(assetBody, 'id');
  if (assetId === '') {
    throw validationError('asset.id: This field is required.');
  }
  const asset = state.get('asset', assetId);
  if (asset === undefined) {
    throw validationError(`asset.id: Asset ${assetId} not found.`);
  }
  if (!allowed.includes(stringAt(asset, 'status'))) {
    throw validationError(
      `asset: ${type} request is not allowed for an asset in status ${stringAt(asset, 'status')}.`,
    );
  }
  const snapshot: JsonObject = { ...asset };
  if (type === 'change' || type === 'adjustment') {
    snapshot['items'] = mergeItems(
      arrayAt(asset, 'items').filter(isObject),
      arrayAt(assetBody, 'items').filter(isObject),
    );
  }
  return storeRequest(state, type, snapshot, draft, now, body);
}

function storeRequest(
  state: SandboxState,
  type: string,
  asset: JsonObject,
  draft: boolean,
  now: string,
  body: JsonObject,
): JsonObject {
  const assetId = stringAt(asset, 'id');
  const request = requestShape({
    id: requestId(assetId, state.nextSequence(`PR:${assetId}`)),
    type,
    status: draft ? 'draft' : 'pending',
    asset,
    created: now,
    note: stringAt(body, 'note'),
  });
  if (isObject(body['external_attributes'])) {
    request['external_attributes'] = body['external_attributes'];
  }
  state.put('request', request);
  trackPendingRequest(state, request);
  return request;
}

// A change request carries the new quantities and keeps the current ones in old_quantity.
function mergeItems(current: JsonObject[], changes: JsonObject[]): JsonObject[] {
  return current.map((item) => {
    const change = changes.find(
      (c) =>
        c['id'] === item['id'] ||
        c['id'] === item['global_id'] ||
        c['global_id'] === item['global_id'],
    );
    return change
      ? {
          ...item,
          old_quantity: item['quantity'] ?? '0',
          quantity: String(change['quantity'] ?? item['quantity'] ?? '0'),
        }
      : item;
  });
}

function createPurchaseAsset(
  state: SandboxState,
  body: JsonObject,
  status: string,
  now: string,
): JsonObject {
  const assetBody = objectAt(body, 'asset');
  const productId = stringAt(objectAt(assetBody, 'product'), 'id');
  if (productId === '') {
    throw validationError('asset.product.id: This field is required.');
  }
  const product = state.get('product', productId);
  if (product === undefined) {
    throw validationError(`asset.product.id: Product ${productId} not found.`);
  }
  const template =
    state.all('asset').find((a) => objectAt(a, 'product')['id'] === productId) ??
    state.all('asset')[0] ??
    {};
  const catalogItems = state.all('item').filter((i) => objectAt(i, 'product')['id'] === productId);
  const items = arrayAt(assetBody, 'items')
    .filter(isObject)
    .map((wanted) => {
      const key = stringAt(wanted, 'id') || stringAt(wanted, 'global_id');
      const item = catalogItems.find((i) => i['id'] === key || i['local_id'] === key);
      if (item === undefined) {
        throw validationError(`asset.items: Item ${key} not found in product ${productId}.`);
      }
      return {
        id: item['local_id'] ?? '',
        global_id: item['id'] ?? '',
        mpn: item['mpn'] ?? '',
        display_name: item['name'] ?? '',
        item_type: 'Reservation',
        period: 'Monthly',
        type: 'Units',
        quantity: String(wanted['quantity'] ?? '1'),
        old_quantity: '0',
      };
    });
  const given = arrayAt(assetBody, 'params').filter(isObject);
  const params = state
    .all('parameter')
    .filter((p) => objectAt(p, 'product')['id'] === productId)
    .map((p) => {
      const { product: _product, ...rest } = p;
      const localId = stringAt(p, 'name') || stringAt(p, 'id');
      const value = given.find((g) => g['id'] === localId || g['id'] === p['id']);
      return { ...rest, id: localId, value: value?.['value'] ?? '', value_error: '' };
    });
  let id = randomId(state.random, 'asset');
  while (state.get('asset', id) !== undefined) {
    id = randomId(state.random, 'asset');
  }
  const marketplaceId =
    stringAt(objectAt(body, 'marketplace'), 'id') ||
    stringAt(objectAt(assetBody, 'marketplace'), 'id');
  const marketplace = state
    .all('asset')
    .map((a) => objectAt(a, 'marketplace'))
    .find((m) => m['id'] === marketplaceId);
  return {
    id,
    status,
    external_id: stringAt(assetBody, 'external_id'),
    external_uid: stringAt(assetBody, 'external_uid'),
    product: {
      id: productId,
      icon: product['icon'] ?? '',
      name: product['name'] ?? '',
      status: product['status'] ?? '',
    },
    connection: template['connection'] ?? null,
    events: { created: { at: now }, updated: { at: now } },
    items,
    params,
    tiers: resolveTiers(state, objectAt(assetBody, 'tiers'), now),
    configuration: { params: [] },
    marketplace:
      marketplace ??
      (marketplaceId
        ? { id: marketplaceId, name: marketplaceId, icon: '' }
        : (template['marketplace'] ?? null)),
    contract: template['contract'] ?? null,
    billing: {
      period: { delta: 1, uom: 'monthly' },
      next_date: now,
      anniversary: { day: Number(now.slice(8, 10)) },
    },
  };
}

// Tiers in a purchase either point at an existing tier account or describe a new one.
function resolveTiers(state: SandboxState, tiers: JsonObject, now: string): JsonObject {
  const result: JsonObject = {};
  for (const level of ['customer', 'tier1', 'tier2']) {
    const given = tiers[level];
    if (!isObject(given)) {
      continue;
    }
    const existing =
      state.get('tier-account', stringAt(given, 'id')) ??
      state
        .all('tier-account')
        .find(
          (a) =>
            stringAt(given, 'external_uid') !== '' && a['external_uid'] === given['external_uid'],
        );
    if (existing !== undefined) {
      result[level] = tierRef(existing);
      continue;
    }
    let id = randomId(state.random, 'tierAccount');
    while (state.get('tier-account', id) !== undefined) {
      id = randomId(state.random, 'tierAccount');
    }
    const account: JsonObject = {
      id,
      version: 1,
      name: stringAt(given, 'name') || id,
      type: level === 'customer' ? 'customer' : 'reseller',
      external_id: stringAt(given, 'external_id'),
      external_uid: stringAt(given, 'external_uid'),
      tax_id: stringAt(given, 'tax_id'),
      scopes: [level],
      environment: 'production',
      contact_info: given['contact_info'] ?? null,
      events: { created: { at: now }, updated: { at: now } },
    };
    state.put('tier-account', account);
    state.put('tier-account-version', { id: `${id}:1`, account });
    result[level] = tierRef(account);
  }
  return result;
}
