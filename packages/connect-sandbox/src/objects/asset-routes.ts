import type { FastifyInstance } from 'fastify';
import { sendList } from '../http/list.ts';
import { addRoute, param } from '../http/route.ts';
import { objectAt } from '../json.ts';
import type { SandboxState } from '../store/state.ts';
import { addReadRoutes, requireObject } from './read-routes.ts';

const ASSET_SEARCH = ['id', 'external_id', 'external_uid', 'product.name', 'tiers.customer.name'];

/** `/assets` (vendor/provider view) and `/subscriptions/assets` (adds `billing`); both read-only. */
export function registerAssetRoutes(app: FastifyInstance, state: SandboxState): void {
  addReadRoutes(app, state, {
    path: '/assets',
    collection: 'asset',
    hidden: ['template', 'pending_request', 'billing'],
    searchable: ASSET_SEARCH,
  });
  addReadRoutes(app, state, {
    path: '/subscriptions/assets',
    collection: 'asset',
    hidden: ['template', 'pending_request'],
    searchable: ASSET_SEARCH,
  });
  addRoute(app, 'GET', '/assets/:id/requests', (request, reply) => {
    const assetId = requireObject(state, 'asset', param(request, 'id'))['id'];
    const requests = state.all('request').filter((r) => objectAt(r, 'asset')['id'] === assetId);
    return sendList(request, reply, requests);
  });
}
