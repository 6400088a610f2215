import type { FastifyInstance } from 'fastify';
import { missedFields, SandboxHttpError, validationError } from '../errors.ts';
import { addRoute, bodyObject, param } from '../http/route.ts';
import { arrayAt, isObject, type JsonObject, objectAt, stringAt } from '../json.ts';
import { nextState } from '../state-machines/machine.ts';
import { REQUEST_MACHINE } from '../state-machines/machines.ts';
import type { SandboxState } from '../store/state.ts';
import { addReadRoutes, requireObject } from './read-routes.ts';
import { createRequest } from './request-create.ts';
import { trackPendingRequest } from './request-pending.ts';
import { assetStatusAfterApproval } from './request-shape.ts';

type RequestAction = (request: JsonObject, body: JsonObject, state: SandboxState) => JsonObject;

const EDITABLE = ['pending', 'draft', 'inquiring'];

/** `/requests`: list/get/create/update plus every action of §4.2 with its asset side effects. */
export function registerRequestRoutes(app: FastifyInstance, state: SandboxState): void {
  addReadRoutes(app, state, {
    path: '/requests',
    collection: 'request',
    searchable: [
      'id',
      'asset.id',
      'asset.external_uid',
      'asset.product.name',
      'asset.tiers.customer.name',
    ],
  });
  addRoute(app, 'POST', '/requests', (request, reply) => {
    reply.code(201);
    return createRequest(state, bodyObject(request));
  });
  addRoute(app, 'PUT', '/requests/:id', (request) => {
    const current = requireObject(state, 'request', param(request, 'id'));
    if (!EDITABLE.includes(stringAt(current, 'status'))) {
      throw new SandboxHttpError(400, 'REQ_003', [
        'Only pending, draft or inquiring Fulfillments with enabled validation capability can be updated.',
      ]);
    }
    const updated = withParams(current, bodyObject(request), state.now());
    state.put('request', updated);
    return updated;
  });
  addRoute(app, 'POST', '/requests/:id/validate', (request) => {
    const current = requireObject(state, 'request', param(request, 'id'));
    return withParams(current, bodyObject(request), stringAt(current, 'updated'));
  });
  addRoute(app, 'GET', '/requests/:id/render', (request, reply) => {
    const current = requireObject(state, 'request', param(request, 'id'));
    reply.type('text/markdown');
    return (
      stringAt(current, 'activation_key') || stringAt(objectAt(current, 'template'), 'message')
    );
  });
  for (const [action, run] of Object.entries(ACTIONS)) {
    addRoute(app, 'POST', `/requests/:id/${action}`, (request) => {
      const current = requireObject(state, 'request', param(request, 'id'));
      const updated = run(current, bodyObject(request), state);
      state.put('request', updated);
      trackPendingRequest(state, updated);
      return updated;
    });
  }
}

// PUT and validate take `{asset:{params:[{id, value, value_error, structured_value}]}, note}`.
function withParams(current: JsonObject, body: JsonObject, now: string): JsonObject {
  const changes = arrayAt(objectAt(body, 'asset'), 'params').filter(isObject);
  const asset = objectAt(current, 'asset');
  const params = arrayAt(asset, 'params')
    .filter(isObject)
    .map((p) => {
      const change = changes.find((c) => c['id'] === p['id']);
      if (change === undefined) {
        return p;
      }
      const next: JsonObject = { ...p };
      for (const key of ['value', 'value_error', 'structured_value'] as const) {
        if (key in change) {
          next[key] = change[key] ?? null;
        }
      }
      return next;
    });
  const updated: JsonObject = {
    ...current,
    asset: { ...asset, params },
    updated: now,
    events: touched(current, now),
  };
  if (typeof body['note'] === 'string') {
    updated['note'] = body['note'];
  }
  return updated;
}

function touched(obj: JsonObject, now: string): JsonObject {
  return { ...objectAt(obj, 'events'), updated: { at: now } };
}

function transition(
  request: JsonObject,
  action: string,
  state: SandboxState,
  extra: JsonObject = {},
): JsonObject {
  const status = nextState(REQUEST_MACHINE, request, action);
  const now = state.now();
  return { ...request, ...extra, status, updated: now, events: touched(request, now) };
}

function templateFor(state: SandboxState, body: JsonObject): JsonObject | null {
  const id = stringAt(body, 'template_id');
  if (id === '') {
    return null;
  }
  const template = state.get('template', id);
  if (template === undefined) {
    throw validationError(`template_id: Template ${id} not found.`);
  }
  return { id, name: template['name'] ?? '', message: template['body'] ?? '' };
}

// Keeps the stored asset and the request's asset snapshot in the same state.
function setAssetStatus(
  state: SandboxState,
  request: JsonObject,
  status: string,
  extra: JsonObject = {},
): JsonObject {
  const snapshot = objectAt(request, 'asset');
  const stored = state.get('asset', stringAt(snapshot, 'id'));
  const now = state.now();
  if (stored !== undefined) {
    state.put('asset', { ...stored, ...extra, status, events: touched(stored, now) });
  }
  return { ...snapshot, ...extra, status };
}

const ACTIONS: Record<string, RequestAction> = {
  approve: (request, body, state) => {
    const template = templateFor(state, body);
    if (template === null && body['activation_tile'] === undefined) {
      throw missedFields(['template_id']);
    }
    const approved = transition(request, 'approve', state, {
      template,
      activation_key: template ? stringAt(template, 'message') : String(body['activation_tile']),
      effective_date: stringAt(body, 'effective_date') || state.now(),
    });
    const snapshot = objectAt(request, 'asset');
    const type = stringAt(request, 'type');
    const extra: JsonObject =
      type === 'change' || type === 'adjustment'
        ? { items: snapshot['items'] ?? [], params: snapshot['params'] ?? [] }
        : { params: snapshot['params'] ?? [] };
    approved['asset'] = setAssetStatus(
      state,
      request,
      assetStatusAfterApproval(type, stringAt(snapshot, 'status')),
      extra,
    );
    return approved;
  },
  inquire: (request, body, state) => {
    const invalid = arrayAt(objectAt(request, 'asset'), 'params')
      .filter(isObject)
      .some((p) => stringAt(p, 'value_error') !== '');
    nextState(REQUEST_MACHINE, request, 'inquire');
    if (!invalid) {
      throw new SandboxHttpError(400, 'REQ_003', [
        'For marking request to inquiring status at least one parameter should be marked as invalid.',
      ]);
    }
    return transition(request, 'inquire', state, {
      template: templateFor(state, body) ?? request['template'] ?? null,
    });
  },
  pend: (request, _body, state) => transition(request, 'pend', state),
  fail: (request, body, state) => {
    const reason = stringAt(body, 'reason');
    if (reason === '') {
      throw missedFields(['reason']);
    }
    const failed = transition(request, 'fail', state, { reason });
    if (stringAt(request, 'type') === 'purchase') {
      failed['asset'] = setAssetStatus(state, request, 'terminated');
    }
    return failed;
  },
  assign: (request, body, state) => {
    const id = stringAt(body, 'id');
    const email = stringAt(body, 'email');
    if (id === '' && email === '') {
      throw missedFields(['id']);
    }
    return {
      ...request,
      assignee: { id: id || 'UR-000-000-001', name: email || id, email },
      updated: state.now(),
    };
  },
  unassign: (request, _body, state) => ({ ...request, assignee: '', updated: state.now() }),
  purchase: (request, _body, state) => promoteDraft(request, 'purchase', state),
  submit: (request, _body, state) => promoteDraft(request, 'submit', state),
  schedule: (request, body, state) => {
    const planned = stringAt(body, 'planned_date');
    if (planned === '') {
      throw missedFields(['planned_date']);
    }
    return transition(request, 'schedule', state, { planned_date: planned });
  },
  revoke: (request, body, state) => {
    const reason = stringAt(body, 'reason');
    if (reason === '') {
      throw missedFields(['reason']);
    }
    return transition(request, 'revoke', state, { reason });
  },
  confirm: (request, _body, state) => transition(request, 'confirm', state),
};

// A draft purchase's asset leaves `draft` together with its request.
function promoteDraft(request: JsonObject, action: string, state: SandboxState): JsonObject {
  const pending = transition(request, action, state);
  if (stringAt(request, 'type') === 'purchase') {
    pending['asset'] = setAssetStatus(state, request, 'processing');
  }
  return pending;
}
