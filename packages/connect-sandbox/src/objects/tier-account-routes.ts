import type { FastifyInstance } from 'fastify';
import { missedFields, notFound, validationError } from '../errors.ts';
import { sendList } from '../http/list.ts';
import { addRoute, bodyObject, param } from '../http/route.ts';
import { randomId, tierAccountRequestId } from '../ids.ts';
import { type JsonObject, objectAt, stringAt } from '../json.ts';
import { nextState } from '../state-machines/machine.ts';
import { TIER_ACCOUNT_REQUEST_MACHINE } from '../state-machines/machines.ts';
import type { SandboxState } from '../store/state.ts';
import { addReadRoutes, requireObject } from './read-routes.ts';

const WRITABLE = [
  'name',
  'type',
  'external_id',
  'external_uid',
  'parent',
  'hub',
  'contact_info',
  'tax_id',
  'environment',
];

/** `/tier/accounts` (CRUD, versioned) and `/tier/account-requests` (accept/ignore). */
export function registerTierAccountRoutes(app: FastifyInstance, state: SandboxState): void {
  addReadRoutes(app, state, {
    path: '/tier/accounts',
    collection: 'tier-account',
    searchable: ['id', 'name', 'external_id', 'external_uid'],
  });
  addRoute(app, 'POST', '/tier/accounts', (request, reply) => {
    const body = bodyObject(request);
    if (body['contact_info'] === undefined || stringAt(body, 'name') === '') {
      throw validationError(
        ...['name', 'contact_info']
          .filter((f) => body[f] === undefined || body[f] === '')
          .map((f) => `${f}: This field is required.`),
      );
    }
    let id = randomId(state.random, 'tierAccount');
    while (state.get('tier-account', id) !== undefined) {
      id = randomId(state.random, 'tierAccount');
    }
    const now = state.now();
    const account: JsonObject = {
      id,
      version: 1,
      type: 'customer',
      scopes: [stringAt(body, 'type') === 'reseller' ? 'tier1' : 'customer'],
      environment: 'production',
      external_id: '',
      external_uid: '',
      tax_id: '',
      ...pick(body),
      events: { created: { at: now }, updated: { at: now } },
    };
    saveVersion(state, account);
    reply.code(201);
    return account;
  });
  addRoute(app, 'PUT', '/tier/accounts/:id', (request) => {
    const current = requireObject(state, 'tier-account', param(request, 'id'));
    const now = state.now();
    const account: JsonObject = {
      ...current,
      ...pick(bodyObject(request)),
      version: Number(current['version'] ?? 1) + 1,
      events: { ...objectAt(current, 'events'), updated: { at: now } },
    };
    saveVersion(state, account);
    return account;
  });
  addRoute(app, 'DELETE', '/tier/accounts/:id', (request) => {
    const id = requireObject(state, 'tier-account', param(request, 'id'))['id'];
    state.remove('tier-account', String(id));
    return undefined;
  });
  addRoute(app, 'GET', '/tier/accounts/:id/versions', (request, reply) => {
    const id = requireObject(state, 'tier-account', param(request, 'id'))['id'];
    const versions = state
      .all('tier-account-version')
      .filter((v) => objectAt(v, 'account')['id'] === id)
      .map((v) => objectAt(v, 'account'));
    return sendList(request, reply, versions);
  });
  addRoute(app, 'GET', '/tier/accounts/:id/versions/:version', (request) => {
    const key = `${param(request, 'id')}:${param(request, 'version')}`;
    const version = state.get('tier-account-version', key);
    if (version === undefined) {
      throw notFound(key);
    }
    return objectAt(version, 'account');
  });

  addReadRoutes(app, state, {
    path: '/tier/account-requests',
    collection: 'tier-account-request',
    searchable: ['id', 'account.id', 'account.name'],
  });
  addRoute(app, 'POST', '/tier/account-requests', (request, reply) => {
    const body = bodyObject(request);
    const accountId = stringAt(objectAt(body, 'account'), 'id');
    const account = state.get('tier-account', accountId);
    if (account === undefined) {
      throw validationError(`account.id: Tier account ${accountId || '(missing)'} not found.`);
    }
    const product = state.all('product')[0] ?? {};
    const created: JsonObject = {
      id: tierAccountRequestId(
        accountId,
        Number(account['version'] ?? 1),
        state.nextSequence(`TAR:${accountId}`),
      ),
      type: 'update',
      status: 'pending',
      account: { ...account, ...pick(objectAt(body, 'account')) },
      ...(objectAt(product, 'owner')['id'] ? { vendor: objectAt(product, 'owner') } : {}),
      ...(objectAt(account, 'owner')['id'] ? { provider: objectAt(account, 'owner') } : {}),
      product: {
        id: product['id'] ?? '',
        icon: product['icon'] ?? '',
        name: product['name'] ?? '',
        status: product['status'] ?? '',
      },
      reason: '',
      events: { created: { at: state.now() }, updated: { at: state.now() } },
    };
    state.put('tier-account-request', created);
    reply.code(201);
    return created;
  });
  for (const action of ['accept', 'ignore'] as const) {
    addRoute(app, 'POST', `/tier/account-requests/:id/${action}`, (request) => {
      const current = requireObject(state, 'tier-account-request', param(request, 'id'));
      const body = bodyObject(request);
      const status = nextState(TIER_ACCOUNT_REQUEST_MACHINE, current, action);
      if (action === 'ignore' && stringAt(body, 'reason') === '') {
        throw missedFields(['reason']);
      }
      const now = state.now();
      const updated: JsonObject = {
        ...current,
        status,
        reason: stringAt(body, 'reason'),
        events: { ...objectAt(current, 'events'), updated: { at: now } },
      };
      state.put('tier-account-request', updated);
      return updated;
    });
  }
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

// Every change bumps `version` and is kept under /tier/accounts/{id}/versions (§4.4).
function saveVersion(state: SandboxState, account: JsonObject): void {
  state.put('tier-account', account);
  state.put('tier-account-version', {
    id: `${String(account['id'])}:${String(account['version'])}`,
    account,
  });
}
