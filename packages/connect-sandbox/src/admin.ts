import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { notFound, validationError } from './errors.ts';
import { parseFaultRule, sandboxFaults } from './faults.ts';
import {
  connectErrorHandler,
  exactJsonContentType,
  lenientJsonParser,
  requireToken,
} from './http/common.ts';
import { addRoute, bodyObject, param } from './http/route.ts';
import type { JsonObject, JsonValue } from './json.ts';
import { SANDBOX_DEMO_TOKEN } from './plugin.ts';
import { createSandboxState, MAX_SCALE } from './seed/create-state.ts';
import { COLLECTION_NAMES, isCollectionName } from './store/collections.ts';
import type { SandboxState } from './store/state.ts';

/** Options of the `connectSandboxAdmin` plugin. */
export interface ConnectSandboxAdminOptions {
  /** The state the `connectSandbox` plugin serves (the same object). */
  state: SandboxState;
  /** Exact `Authorization` header value to accept (default `SANDBOX_DEMO_TOKEN`). */
  token?: string;
  /**
   * The host's own check, run on every admin request instead of the token: a
   * server that mounts the sandbox for many users keeps these controls to its
   * administrators, as the demo token is public. It answers (401/403) to refuse.
   */
  authorize?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/** `{seed, scale, counts}` of a state: what every admin write answers. */
export function stateSummary(state: SandboxState): JsonObject {
  const counts: JsonObject = {};
  for (const name of COLLECTION_NAMES) {
    counts[name] = state.all(name).length;
  }
  return { seed: state.seed, scale: state.scale, counts };
}

function integerField(body: JsonObject, name: string, max: number): number | undefined {
  const value = body[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw validationError(`${name}: must be an integer between 0 and ${max}.`);
  }
  return value;
}

function faultList(state: SandboxState): JsonValue {
  return { rules: sandboxFaults(state).list() as unknown as JsonValue[] };
}

/** Runs a fault-rule parser, turning its `TypeError` into 400 VAL_001. */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw validationError(error instanceof Error ? error.message : String(error));
  }
}

function faultSettingsBody(request: FastifyRequest): { rules: unknown[]; seed?: number } {
  const body = bodyObject(request);
  const rules = body['rules'] ?? [];
  if (!Array.isArray(rules)) {
    throw validationError('rules: must be an array of fault rules.');
  }
  const seed = integerField(body, 'seed', 0xffffffff);
  return seed === undefined ? { rules } : { rules, seed };
}

/**
 * Test and demo controls of a sandbox, outside the Connect API: reset,
 * re-seed, inspect the state and set fault rules. Register it under its own
 * prefix (the Junction server: `/sandbox/admin`) with the same `state` as the
 * `connectSandbox` plugin; it requires the same token.
 *
 * - `GET /state` → `{seed, scale, counts}`
 * - `GET /state/:collection` → `{collection, count, ids}`
 * - `GET /state/:collection/:id` → the stored object (404 NFND_000)
 * - `POST /reset` → rebuilds the current seed and scale; `{seed, scale, counts}`
 * - `POST /seed` `{seed?, scale?}` → rebuilds with new values; `{seed, scale, counts}`
 * - `GET /faults` → `{rules}` with `matched`/`injected` counters
 * - `PUT /faults` `{rules, seed?}` → replaces the rules; `{rules}`
 * - `POST /faults` `<rule>` → appends one rule; 201 `{rules}`
 * - `DELETE /faults` → removes every rule; 204
 */
export const connectSandboxAdmin: FastifyPluginAsync<ConnectSandboxAdminOptions> = async (
  app,
  options,
) => {
  const { state } = options;
  if (state === undefined) {
    throw new TypeError('connectSandboxAdmin needs the `state` the connectSandbox plugin serves.');
  }
  const faults = sandboxFaults(state);
  lenientJsonParser(app);
  if (options.authorize) {
    app.addHook('onRequest', options.authorize);
  } else {
    requireToken(app, options.token ?? SANDBOX_DEMO_TOKEN);
  }
  exactJsonContentType(app);
  connectErrorHandler(app);

  const collection = (name: string) => {
    if (!isCollectionName(name)) {
      throw notFound(name);
    }
    return name;
  };

  addRoute(app, 'GET', '/state', () => stateSummary(state));
  addRoute(app, 'GET', '/state/:collection', (request) => {
    const name = collection(param(request, 'collection'));
    const ids = state.all(name).map((obj) => String(obj['id']));
    return { collection: name, count: ids.length, ids };
  });
  addRoute(app, 'GET', '/state/:collection/:id', (request) => {
    const id = param(request, 'id');
    const found = state.get(collection(param(request, 'collection')), id);
    if (found === undefined) {
      throw notFound(id);
    }
    return found;
  });
  addRoute(app, 'POST', '/reset', () => {
    state.replace(createSandboxState({ seed: state.seed, scale: state.scale }).snapshot());
    return stateSummary(state);
  });
  addRoute(app, 'POST', '/seed', (request) => {
    const body = bodyObject(request);
    const seed = integerField(body, 'seed', 0xffffffff) ?? state.seed;
    const scale = integerField(body, 'scale', MAX_SCALE) ?? state.scale;
    state.replace(createSandboxState({ seed, scale }).snapshot());
    return stateSummary(state);
  });
  addRoute(app, 'GET', '/faults', () => faultList(state));
  addRoute(app, 'PUT', '/faults', (request) => {
    const settings = faultSettingsBody(request);
    const rules = parsed(() =>
      settings.rules.map((rule, i) => parseFaultRule(rule, `rules[${i}]`)),
    );
    faults.set(settings.seed === undefined ? rules : { rules, seed: settings.seed });
    return faultList(state);
  });
  addRoute(app, 'POST', '/faults', (request, reply) => {
    parsed(() => faults.add(request.body));
    reply.code(201);
    return faultList(state);
  });
  addRoute(app, 'DELETE', '/faults', () => {
    faults.clear();
    return undefined;
  });
};
