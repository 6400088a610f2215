import type { FastifyInstance } from 'fastify';
import { validationError } from '../errors.ts';
import { addRoute, bodyObject, param } from '../http/route.ts';
import { type JsonObject, objectAt, stringAt } from '../json.ts';
import type { SandboxState } from '../store/state.ts';
import { addReadRoutes, requireObject } from './read-routes.ts';

/** `/subscriptions/requests`: billing requests (no status field) and their attributes (§4.3). */
export function registerSubscriptionRequestRoutes(app: FastifyInstance, state: SandboxState): void {
  addReadRoutes(app, state, {
    path: '/subscriptions/requests',
    collection: 'subscription-request',
    searchable: ['id', 'asset.id'],
  });
  addRoute(app, 'POST', '/subscriptions/requests', (request, reply) => {
    const body = bodyObject(request);
    // Both the SPEC form (asset_id, period_from…) and the old SDK's nested form are accepted.
    const assetKey =
      stringAt(body, 'asset_id') ||
      stringAt(objectAt(body, 'asset'), 'id') ||
      stringAt(body, 'asset_external_uid') ||
      stringAt(objectAt(body, 'asset'), 'external_uid');
    const asset =
      state.get('asset', assetKey) ??
      state.all('asset').find((a) => assetKey !== '' && a['external_uid'] === assetKey);
    if (asset === undefined) {
      throw validationError(`asset: Asset ${assetKey || '(missing)'} not found.`);
    }
    const type = stringAt(body, 'type') === 'provider' ? 'provider' : 'vendor';
    const period = objectAt(body, 'period');
    const assetId = String(asset['id']);
    const now = state.now();
    const created: JsonObject = {
      id: `${type === 'vendor' ? 'BRV' : 'BRP'}-${assetId.slice(3)}-${String(state.nextSequence(`BR:${assetId}`)).padStart(4, '0')}`,
      type,
      events: { created: { at: now }, updated: { at: now } },
      asset: {
        id: assetId,
        external_id: asset['external_id'] ?? '',
        external_uid: asset['external_uid'] ?? '',
        product: asset['product'] ?? null,
        billing: asset['billing'] ?? null,
      },
      items: body['items'] ?? [],
      attributes: {
        vendor: objectAt(objectAt(body, 'attributes'), 'vendor'),
        provider: objectAt(objectAt(body, 'attributes'), 'provider'),
      },
      period: {
        // A billing period is always set: this month when the client gives none.
        from: stringAt(body, 'period_from') || stringAt(period, 'from') || state.now(),
        to: stringAt(body, 'period_to') || stringAt(period, 'to') || inDays(state.now(), 30),
        delta: Number(body['period_delta'] ?? period['delta'] ?? 1),
        uom: stringAt(body, 'period_uom') || stringAt(period, 'uom') || 'monthly',
      },
    };
    state.put('subscription-request', created);
    reply.code(201);
    return created;
  });
  addRoute(app, 'PUT', '/subscriptions/requests/:id/attributes', (request) => {
    const current = requireObject(state, 'subscription-request', param(request, 'id'));
    const body = bodyObject(request);
    const attributes: JsonObject = { ...objectAt(current, 'attributes') };
    for (const side of ['vendor', 'provider']) {
      if (body[side] !== undefined) {
        attributes[side] = body[side] ?? null;
      }
    }
    state.put('subscription-request', { ...current, attributes });
    return attributes;
  });
}

/** `at` plus `days` days, in Connect's date-time format. */
function inDays(at: string, days: number): string {
  return new Date(Date.parse(at) + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
