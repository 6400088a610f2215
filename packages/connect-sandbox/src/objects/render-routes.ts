import type { FastifyInstance } from 'fastify';
import { sendList } from '../http/list.ts';
import { addRoute, param } from '../http/route.ts';
import { type JsonObject, objectAt, stringAt } from '../json.ts';
import type { SandboxState } from '../store/state.ts';
import { requireObject } from './read-routes.ts';

const USAGE_CATEGORIES: JsonObject[] = [
  { id: 'compute', name: 'compute', description: 'Compute usage' },
  { id: 'storage', name: 'storage', description: 'Storage usage' },
];

/**
 * `…/render` endpoints (activation templates as `text/markdown`) and the small
 * usage helpers: file categories and the product's xlsx template link.
 */
export function registerRenderRoutes(app: FastifyInstance, state: SandboxState): void {
  addRoute(app, 'GET', '/assets/:id/render', (request, reply) => {
    const asset = requireObject(state, 'asset', param(request, 'id'));
    const approved = state
      .all('request')
      .filter((r) => objectAt(r, 'asset')['id'] === asset['id'] && r['status'] === 'approved')
      .at(-1);
    reply.type('text/markdown');
    return approved ? stringAt(approved, 'activation_key') : '';
  });
  addRoute(app, 'GET', '/tier/configs/:id/render', (request, reply) => {
    const config = requireObject(state, 'tier-config', param(request, 'id'));
    reply.type('text/markdown');
    return stringAt(objectAt(config, 'template'), 'representation');
  });
  addRoute(app, 'GET', '/tier/config-requests/:id/render', (request, reply) => {
    const tcr = requireObject(state, 'tier-config-request', param(request, 'id'));
    reply.type('text/markdown');
    return stringAt(objectAt(tcr, 'template'), 'representation');
  });
  addRoute(app, 'GET', '/usage/files/:id/categories', (request, reply) => {
    requireObject(state, 'usage-report', param(request, 'id'));
    return sendList(request, reply, USAGE_CATEGORIES);
  });
  addRoute(app, 'GET', '/usage/products/:id/template', (request) => {
    const product = requireObject(state, 'product', param(request, 'id'));
    return { template_link: `/media/${String(product['id'])}/usage_template.xlsx` };
  });
}
