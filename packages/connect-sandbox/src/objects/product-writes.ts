import type { FastifyInstance } from 'fastify';
import { validationError } from '../errors.ts';
import { addRoute, bodyObject, param } from '../http/route.ts';
import { randomId } from '../ids.ts';
import { type JsonObject, objectAt, stringAt } from '../json.ts';
import type { SandboxState } from '../store/state.ts';
import { requireObject } from './read-routes.ts';

const WRITABLE = [
  'name',
  'external_id',
  'short_description',
  'detailed_description',
  'icon',
  'category',
  'translations',
  'purchase_model',
  'configurations',
];

/**
 * `POST/PUT/DELETE /products` and end/resume of sale (§4.8). Connect's rules
 * for deleting published products are undocumented; the sandbox allows it.
 */
export function registerProductWrites(app: FastifyInstance, state: SandboxState): void {
  addRoute(app, 'POST', '/products', (request, reply) => {
    const body = bodyObject(request);
    if (stringAt(body, 'name') === '') {
      throw validationError('name: This field is required.');
    }
    if (state.all('product').some((p) => p['name'] === body['name'])) {
      throw validationError('name: Product with same name already exists.');
    }
    let id = randomId(state.random, 'product');
    while (state.get('product', id) !== undefined) {
      id = randomId(state.random, 'product');
    }
    const now = state.now();
    const owner = objectAt(state.all('product')[0] ?? {}, 'owner');
    const product: JsonObject = {
      id,
      name: '',
      icon: '',
      status: 'draft',
      short_description: '',
      detailed_description: '',
      external_id: '',
      purchase_model: 'transactable',
      version: 1,
      latest: true,
      owner,
      configurations: { suspend_resume_supported: false, requires_reseller_information: false },
      visibility: { owner: true, listing: false, syndication: false, catalog: false },
      events: { created: { at: now }, updated: { at: now } },
      ...pick(body),
    };
    state.put('product', product);
    reply.code(201);
    return product;
  });
  addRoute(app, 'PUT', '/products/:id', (request) => {
    const current = requireObject(state, 'product', param(request, 'id'));
    const updated: JsonObject = {
      ...current,
      ...pick(bodyObject(request)),
      events: { ...objectAt(current, 'events'), updated: { at: state.now() } },
    };
    state.put('product', updated);
    return updated;
  });
  addRoute(app, 'DELETE', '/products/:id', (request) => {
    const current = requireObject(state, 'product', param(request, 'id'));
    state.remove('product', String(current['id']));
    return undefined;
  });
  addRoute(app, 'POST', '/products/:id/endsale', (request) => {
    const current = requireObject(state, 'product', param(request, 'id'));
    const body = bodyObject(request);
    const updated: JsonObject = {
      ...current,
      status: 'endofsale',
      replacement: body['replacement'] ?? null,
      end_of_sale_notes: stringAt(body, 'end_of_sale_notes'),
    };
    state.put('product', updated);
    return updated;
  });
  addRoute(app, 'POST', '/products/:id/resumesale', (request) => {
    const current = requireObject(state, 'product', param(request, 'id'));
    if (current['status'] !== 'endofsale') {
      throw validationError('status: Only products at end of sale can resume sale.');
    }
    const updated: JsonObject = {
      ...current,
      status: 'published',
      replacement: null,
      end_of_sale_notes: '',
    };
    state.put('product', updated);
    return updated;
  });
}

function pick(body: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of WRITABLE) {
    const value = body[key];
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}
