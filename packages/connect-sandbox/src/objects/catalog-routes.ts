import type { FastifyInstance } from 'fastify';
import { sendList } from '../http/list.ts';
import { addRoute, param } from '../http/route.ts';
import type { SandboxState } from '../store/state.ts';
import { registerProductWrites } from './product-writes.ts';
import { addReadRoutes, requireObject } from './read-routes.ts';

/** `/accounts` (the caller's own account) and `/products` with its templates, items and parameters. */
export function registerCatalogRoutes(app: FastifyInstance, state: SandboxState): void {
  addReadRoutes(app, state, { path: '/accounts', collection: 'account' });
  addReadRoutes(app, state, {
    path: '/products',
    collection: 'product',
    searchable: ['id', 'name', 'short_description'],
  });
  registerProductWrites(app, state);
  for (const [sub, collection] of [
    ['templates', 'template'],
    ['items', 'item'],
    ['parameters', 'parameter'],
  ] as const) {
    addRoute(app, 'GET', `/products/:id/${sub}`, (request, reply) => {
      const productId = requireObject(state, 'product', param(request, 'id'))['id'];
      const owned = state.all(collection).filter((obj) => {
        const product = obj['product'];
        return (
          typeof product === 'object' &&
          product !== null &&
          !Array.isArray(product) &&
          product['id'] === productId
        );
      });
      return sendList(request, reply, owned, { searchable: ['id', 'name', 'title'] });
    });
    addRoute(app, 'GET', `/products/:id/${sub}/:sub`, (request) => {
      requireObject(state, 'product', param(request, 'id'));
      return requireObject(state, collection, param(request, 'sub'));
    });
  }
}
