import type { FastifyInstance } from 'fastify';
import { missedFields, SandboxHttpError, validationError } from '../errors.ts';
import { addRoute, bodyObject, param } from '../http/route.ts';
import { arrayAt, isObject, type JsonObject, objectAt, stringAt } from '../json.ts';
import { nextState } from '../state-machines/machine.ts';
import { TIER_CONFIG_REQUEST_MACHINE } from '../state-machines/machines.ts';
import type { SandboxState } from '../store/state.ts';
import { addReadRoutes, requireObject } from './read-routes.ts';
import { createTcr } from './tier-config-request-create.ts';

type TcrAction = (tcr: JsonObject, body: JsonObject, state: SandboxState) => JsonObject;

/** `/tier/configs` (read-only) and `/tier/config-requests` with the 204/200 split of §4.7. */
export function registerTierConfigRoutes(app: FastifyInstance, state: SandboxState): void {
  addReadRoutes(app, state, {
    path: '/tier/configs',
    collection: 'tier-config',
    searchable: ['id', 'name', 'account.name', 'account.id'],
  });
  addReadRoutes(app, state, {
    path: '/tier/config-requests',
    collection: 'tier-config-request',
    searchable: [
      'id',
      'configuration.id',
      'configuration.account.id',
      'configuration.account.name',
      'configuration.product.name',
    ],
  });
  addRoute(app, 'POST', '/tier/config-requests', (request, reply) => {
    reply.code(201);
    return createTcr(state, bodyObject(request));
  });
  addRoute(app, 'PUT', '/tier/config-requests/:id', (request) => {
    const current = requireObject(state, 'tier-config-request', param(request, 'id'));
    if (!['pending', 'inquiring', 'draft'].includes(stringAt(current, 'status'))) {
      throw new SandboxHttpError(400, 'REQ_003', [
        'Only pending, draft or inquiring tier config requests can be updated.',
      ]);
    }
    const updated = withParams(current, bodyObject(request), state.now());
    state.put('tier-config-request', updated);
    return updated;
  });
  addRoute(app, 'POST', '/tier/config-requests/:id/validate', (request) =>
    withParams(
      requireObject(state, 'tier-config-request', param(request, 'id')),
      bodyObject(request),
      state.now(),
    ),
  );
  addRoute(app, 'POST', '/tier/config-requests/:id/approve', (request) => {
    const current = requireObject(state, 'tier-config-request', param(request, 'id'));
    const body = bodyObject(request);
    const templateId = stringAt(objectAt(body, 'template'), 'id') || stringAt(body, 'template_id');
    if (templateId === '') {
      throw missedFields(['template']);
    }
    const template = state.get('template', templateId);
    if (template === undefined) {
      throw validationError(`template.id: Template ${templateId} not found.`);
    }
    const effective = stringAt(objectAt(body, 'template'), 'effective_date') || state.now();
    const templateRef: JsonObject = {
      id: templateId,
      name: template['name'] ?? '',
      representation: template['body'] ?? '',
    };
    const approved = transition(current, 'approve', state, {
      template: templateRef,
      effective_date: effective,
    });
    approved['configuration'] = settleConfig(state, approved, 'active');
    state.put('tier-config-request', approved);
    return {
      template: { id: templateId, representation: templateRef['representation'] ?? '' },
      effective_date: effective,
    };
  });
  addRoute(app, 'POST', '/tier/config-requests/:id/submit', (request) => {
    const updated = transition(
      requireObject(state, 'tier-config-request', param(request, 'id')),
      'submit',
      state,
    );
    state.put('tier-config-request', updated);
    return updated;
  });
  for (const [action, run] of Object.entries(NO_CONTENT_ACTIONS)) {
    addRoute(app, 'POST', `/tier/config-requests/:id/${action}`, (request) => {
      const current = requireObject(state, 'tier-config-request', param(request, 'id'));
      state.put('tier-config-request', run(current, bodyObject(request), state));
      return undefined;
    });
  }
}

// TCR fail/inquire/pend/assign/unassign answer 204 with no body (SPEC).
const NO_CONTENT_ACTIONS: Record<string, TcrAction> = {
  fail: (tcr, body, state) => {
    const reason = stringAt(body, 'reason');
    if (reason === '') {
      throw missedFields(['reason']);
    }
    const failed = transition(tcr, 'fail', state, { reason });
    failed['configuration'] = settleConfig(state, failed, null);
    return failed;
  },
  inquire: (tcr, _body, state) => {
    nextState(TIER_CONFIG_REQUEST_MACHINE, tcr, 'inquire');
    if (
      !arrayAt(tcr, 'params')
        .filter(isObject)
        .some((p) => stringAt(p, 'value_error') !== '')
    ) {
      throw new SandboxHttpError(400, 'REQ_003', [
        'For marking request to inquiring status at least one parameter should be marked as invalid.',
      ]);
    }
    return transition(tcr, 'inquire', state);
  },
  pend: (tcr, _body, state) => transition(tcr, 'pend', state),
  assign: (tcr, body, state) => {
    const id = stringAt(body, 'id');
    const email = stringAt(body, 'email');
    if (id === '' && email === '') {
      throw missedFields(['id']);
    }
    return {
      ...tcr,
      assignee: { id: id || 'UR-000-000-001', name: email || id, icon: '' },
      events: touched(tcr, state.now()),
    };
  },
  unassign: (tcr, _body, state) => ({ ...tcr, assignee: null, events: touched(tcr, state.now()) }),
};

function touched(obj: JsonObject, now: string): JsonObject {
  return { ...objectAt(obj, 'events'), updated: { at: now } };
}

function transition(
  tcr: JsonObject,
  action: string,
  state: SandboxState,
  extra: JsonObject = {},
): JsonObject {
  const status = nextState(TIER_CONFIG_REQUEST_MACHINE, tcr, action);
  const now = state.now();
  const events = touched(tcr, now);
  events[status === 'pending' ? 'pended' : status === 'inquiring' ? 'inquired' : status] = {
    at: now,
  };
  return { ...tcr, ...extra, status, events };
}

function withParams(tcr: JsonObject, body: JsonObject, now: string): JsonObject {
  const changes = arrayAt(body, 'params').filter(isObject);
  const params = arrayAt(tcr, 'params')
    .filter(isObject)
    .map((p) => {
      const change = changes.find((c) => c['id'] === p['id']);
      return change ? { ...p, ...pickParam(change) } : p;
    });
  const updated: JsonObject = { ...tcr, params, events: touched(tcr, now) };
  if (typeof body['notes'] === 'string') {
    updated['notes'] = body['notes'];
  }
  return updated;
}

function pickParam(change: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of ['value', 'value_error', 'structured_value']) {
    if (key in change) {
      out[key] = change[key] ?? null;
    }
  }
  return out;
}

// Approval activates the tier config with the request's params; either way the open request closes.
function settleConfig(state: SandboxState, tcr: JsonObject, status: string | null): JsonObject {
  const snapshot = objectAt(tcr, 'configuration');
  const stored = state.get('tier-config', stringAt(snapshot, 'id')) ?? snapshot;
  const { open_request: _open, ...rest } = stored;
  const next: JsonObject =
    status === null ? rest : { ...rest, status, params: tcr['params'] ?? [] };
  if (state.get('tier-config', stringAt(snapshot, 'id')) !== undefined) {
    state.put('tier-config', next);
  }
  return next;
}
