import type { FastifyInstance } from 'fastify';
import { notFound, validationError } from '../errors.ts';
import { sendList } from '../http/list.ts';
import { addRoute, bodyObject, EMPTY_OK, param } from '../http/route.ts';
import { randomId } from '../ids.ts';
import { type JsonObject, objectAt } from '../json.ts';
import { requireObject } from '../objects/read-routes.ts';
import type { SandboxState } from '../store/state.ts';
import { readWebhookFields, WEBHOOK_LIMITS } from './webhook-body.ts';
import type { WebhookDispatcher } from './webhook-dispatcher.ts';
import { latestObjectFor } from './webhook-events.ts';

const PATH = '/notifications/webhooks';

/**
 * `/notifications/webhooks`: create, RQL list, get, full update (PUT, laid over the
 * stored webhook), delete, and `trigger`, which sends the newest object the webhook
 * watches at once. Webhooks belong to the token's account (the sandbox's first account).
 */
export function registerWebhookRoutes(
  app: FastifyInstance,
  state: SandboxState,
  dispatcher: WebhookDispatcher,
): void {
  addRoute(app, 'GET', PATH, (request, reply) =>
    sendList(request, reply, ownWebhooks(state), {
      searchable: ['id', 'label', 'description', 'product.id', 'product.name'],
    }),
  );
  addRoute(app, 'GET', `${PATH}/:id`, (request) => requireWebhook(state, param(request, 'id')));
  addRoute(app, 'POST', PATH, (request, reply) => {
    if (ownWebhooks(state).length >= WEBHOOK_LIMITS.perAccount) {
      throw validationError(
        `An account may have at most ${WEBHOOK_LIMITS.perAccount} webhooks; delete one first.`,
      );
    }
    const fields = readWebhookFields(state, bodyObject(request));
    let id = randomId(state.random, 'webhook');
    while (state.get('webhook', id) !== undefined) {
      id = randomId(state.random, 'webhook');
    }
    const webhook: JsonObject = {
      id,
      ...fields,
      // Absolute, as ns.Webhook says (format uri); the host is the one the caller used.
      api_url: `${request.protocol}://${request.host || 'localhost'}${app.prefix}${PATH}/${id}`,
      created_at: state.now(),
      created_by: SANDBOX_USER,
      modified_at: null,
      account: accountOf(state),
      earliest_possible_trigger: null,
      stats: EMPTY_STATS,
      last_event: null,
    };
    state.put('webhook', webhook);
    reply.code(201);
    return webhook;
  });
  addRoute(app, 'PUT', `${PATH}/:id`, (request) => {
    const current = requireWebhook(state, param(request, 'id'));
    const merged = {
      ...current,
      product_id: objectAt(current, 'product')['id'] ?? null,
      ...bodyObject(request),
    };
    const webhook: JsonObject = {
      ...current,
      ...readWebhookFields(state, merged),
      modified_at: state.now(),
      modified_by: SANDBOX_USER,
    };
    state.put('webhook', webhook);
    return webhook;
  });
  addRoute(app, 'DELETE', `${PATH}/:id`, (request) => {
    state.remove('webhook', String(requireWebhook(state, param(request, 'id'))['id']));
    return undefined;
  });
  addRoute(app, 'POST', `${PATH}/:id/trigger`, (request) => {
    const webhook = requireWebhook(state, param(request, 'id'));
    const latest = latestObjectFor(state, webhook);
    if (latest === undefined) {
      throw validationError(
        `No ${String(webhook['object_class'])} of product ${String(objectAt(webhook, 'product')['id'])} to send yet.`,
      );
    }
    dispatcher.send(webhook, latest);
    // The spec declares a 200 without a body; the call itself is made afterwards.
    return EMPTY_OK;
  });
}

const SANDBOX_USER: JsonObject = { id: 'UR-000-000-000', name: 'Sandbox API token' };
const EMPTY_STATS: JsonObject = {
  events: 0,
  triggers: 0,
  success_triggers: 0,
  failure_triggers: 0,
  failure_since_last_success: 0,
};

function accountOf(state: SandboxState): JsonObject {
  const account = state.all('account')[0] ?? {};
  return { id: String(account['id'] ?? 'PA-000-000'), name: String(account['name'] ?? 'Sandbox') };
}

function ownWebhooks(state: SandboxState): JsonObject[] {
  const own = accountOf(state)['id'];
  return state.all('webhook').filter((w) => objectAt(w, 'account')['id'] === own);
}

function requireWebhook(state: SandboxState, id: string): JsonObject {
  const webhook = requireObject(state, 'webhook', id);
  // Another account's webhook is as unknown as a missing one.
  if (objectAt(webhook, 'account')['id'] !== accountOf(state)['id']) {
    throw notFound(id);
  }
  return webhook;
}
