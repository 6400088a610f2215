import type { FastifyInstance } from 'fastify';
import { validationError } from '../errors.ts';
import { addRoute, bodyObject, param } from '../http/route.ts';
import { randomId } from '../ids.ts';
import { type JsonObject, objectAt, stringAt } from '../json.ts';
import { nextState } from '../state-machines/machine.ts';
import { CASE_MACHINE } from '../state-machines/machines.ts';
import type { SandboxState } from '../store/state.ts';
import { addReadRoutes, requireObject } from './read-routes.ts';

const WRITABLE = ['subject', 'description', 'priority', 'type', 'product', 'issuer', 'receiver'];

/** `/helpdesk/cases`: create (pending), update, and inquire/pend/resolve/close (§4.13). */
export function registerCaseRoutes(app: FastifyInstance, state: SandboxState): void {
  addReadRoutes(app, state, {
    path: '/helpdesk/cases',
    collection: 'case',
    searchable: ['id', 'subject', 'description'],
  });
  addRoute(app, 'POST', '/helpdesk/cases', (request, reply) => {
    const body = bodyObject(request);
    const missing = ['subject', 'description'].filter((f) => stringAt(body, f) === '');
    if (stringAt(objectAt(objectAt(body, 'receiver'), 'account'), 'id') === '') {
      missing.push('receiver');
    }
    if (missing.length > 0) {
      throw validationError(...missing.map((f) => `${f}: This field is required.`));
    }
    const priority = Number(body['priority'] ?? 0);
    if (!Number.isInteger(priority) || priority < 0 || priority > 3) {
      throw validationError('priority: Ensure this value is between 0 and 3.');
    }
    const now = state.now();
    const account = state.all('account')[0] ?? {};
    const created: JsonObject = {
      id: randomId(state.random, 'case'),
      ...pick(body),
      priority,
      type: stringAt(body, 'type') || 'technical',
      state: 'pending',
      issuer: {
        account: {
          id: account['id'] ?? '',
          name: account['name'] ?? '',
          icon: account['icon'] ?? '',
        },
        recipients: objectAt(body, 'issuer')['recipients'] ?? [],
      },
      events: { created: { at: now }, updated: { at: now }, pending: { at: now } },
      rating: null,
      feedback: '',
    };
    state.put('case', created);
    state.put('conversation', {
      id: randomId(state.random, 'conversation'),
      instance_id: String(created['id']),
      topic: `Case ${String(created['id'])}`,
      type: 'conversation',
      status: 'open',
      accounts: [],
      creator: { id: 'SU-000-000-000', name: 'Sandbox token' },
      created: now,
      events: { created: { at: now } },
    });
    reply.code(201);
    return created;
  });
  addRoute(app, 'PUT', '/helpdesk/cases/:id', (request) => {
    const current = requireObject(state, 'case', param(request, 'id'));
    const updated: JsonObject = {
      ...current,
      ...pick(bodyObject(request)),
      events: { ...objectAt(current, 'events'), updated: { at: state.now() } },
    };
    state.put('case', updated);
    return updated;
  });
  for (const action of ['inquire', 'pend', 'resolve', 'close'] as const) {
    addRoute(app, 'POST', `/helpdesk/cases/:id/${action}`, (request) => {
      const current = requireObject(state, 'case', param(request, 'id'));
      const next = nextState(CASE_MACHINE, current, action);
      const body = bodyObject(request);
      const now = state.now();
      const updated: JsonObject = {
        ...current,
        state: next,
        events: { ...objectAt(current, 'events'), updated: { at: now }, [next]: { at: now } },
      };
      if (action === 'close') {
        const rating = body['rating'];
        if (
          rating !== undefined &&
          rating !== null &&
          !(Number.isInteger(rating) && Number(rating) >= 1 && Number(rating) <= 5)
        ) {
          throw validationError('rating: Ensure this value is between 1 and 5.');
        }
        updated['rating'] = rating ?? null;
        updated['feedback'] = stringAt(body, 'feedback');
      }
      state.put('case', updated);
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
