import type { FastifyInstance } from 'fastify';
import { notFound, validationError } from '../errors.ts';
import { readListQuery, sendList } from '../http/list.ts';
import { addRoute, bodyObject, param } from '../http/route.ts';
import { randomId } from '../ids.ts';
import { type JsonObject, stringAt } from '../json.ts';
import type { RqlNode } from '../rql/ast.ts';
import type { SandboxState } from '../store/state.ts';

const OWNERS = ['request', 'case', 'tier-config-request'] as const;

/**
 * `/conversations` for requests, TCRs and cases. Connect keeps one conversation
 * per object; the sandbox creates it on first access so 100k seeded requests
 * don't need 100k seeded conversations.
 */
export function registerConversationRoutes(app: FastifyInstance, state: SandboxState): void {
  addRoute(app, 'GET', '/conversations', (request, reply) => {
    const instanceId = requestedInstance(readListQuery(request).filter);
    if (instanceId !== null) {
      conversationFor(state, instanceId);
    }
    return sendList(request, reply, state.all('conversation'), {
      searchable: ['id', 'topic', 'instance_id'],
    });
  });
  addRoute(app, 'GET', '/conversations/:id', (request) =>
    requireConversation(state, param(request, 'id')),
  );
  addRoute(app, 'GET', '/conversations/:id/messages', (request, reply) => {
    const conversation = requireConversation(state, param(request, 'id'));
    return sendList(
      request,
      reply,
      state.all('message').filter((m) => m['conversation'] === conversation['id']),
    );
  });
  addRoute(app, 'POST', '/conversations/:id/messages', (request, reply) => {
    const conversation = requireConversation(state, param(request, 'id'));
    const body = bodyObject(request);
    if (stringAt(body, 'text') === '') {
      throw validationError('text: This field is required.');
    }
    const now = state.now();
    const account = state.all('account')[0] ?? {};
    const message: JsonObject = {
      id: randomId(state.random, 'message'),
      conversation: String(conversation['id']),
      account: { id: account['id'] ?? '', name: account['name'] ?? '' },
      creator: { id: 'SU-000-000-000', name: 'Sandbox token' },
      text: stringAt(body, 'text'),
      type: stringAt(body, 'type') || 'message',
      created: now,
      events: { created: { at: now } },
    };
    state.put('message', message);
    reply.code(201);
    return message;
  });
}

function requireConversation(state: SandboxState, id: string): JsonObject {
  const conversation = state.get('conversation', id) ?? conversationFor(state, id);
  if (conversation === undefined) {
    throw notFound(id);
  }
  return conversation;
}

/** The conversation of an object, created on first use; undefined for unknown objects. */
function conversationFor(state: SandboxState, instanceId: string): JsonObject | undefined {
  const existing = state.all('conversation').find((c) => c['instance_id'] === instanceId);
  if (existing !== undefined) {
    return existing;
  }
  if (!OWNERS.some((owner) => state.get(owner, instanceId) !== undefined)) {
    return undefined;
  }
  const now = state.now();
  const conversation: JsonObject = {
    id: randomId(state.random, 'conversation'),
    instance_id: instanceId,
    topic: `Conversation of ${instanceId}`,
    type: 'conversation',
    status: 'open',
    accounts: [],
    creator: { id: 'SU-000-000-000', name: 'Sandbox token' },
    created: now,
    events: { created: { at: now } },
  };
  state.put('conversation', conversation);
  return conversation;
}

// `instance_id=X` or `eq(instance_id,X)` at the top level of the query.
function requestedInstance(filter: RqlNode | null): string | null {
  const terms = filter === null ? [] : filter.type === 'and' ? filter.args : [filter];
  for (const term of terms) {
    if (
      term.type === 'compare' &&
      term.op === 'eq' &&
      term.field === 'instance_id' &&
      term.value.kind === 'string'
    ) {
      return term.value.text;
    }
  }
  return null;
}
