import type { FastifyInstance } from 'fastify';
import { notFound } from '../errors.ts';
import { type ListOptions, readListQuery, sendList } from '../http/list.ts';
import { addRoute, param } from '../http/route.ts';
import type { JsonObject } from '../json.ts';
import { projectObject } from '../rql/project.ts';
import type { CollectionName } from '../store/collections.ts';
import type { SandboxState } from '../store/state.ts';

/** A list + detail endpoint pair over one collection. */
export interface ReadEndpoint extends ListOptions {
  path: string;
  collection: CollectionName;
}

/** The stored object or a 404 in Connect's error shape. */
export function requireObject(
  state: SandboxState,
  collection: CollectionName,
  id: string,
): JsonObject {
  const obj = state.get(collection, id);
  if (obj === undefined) {
    throw notFound(id);
  }
  return obj;
}

/** Registers `GET path` (RQL list with Content-Range) and `GET path/:id`. */
export function addReadRoutes(
  app: FastifyInstance,
  state: SandboxState,
  endpoint: ReadEndpoint,
): void {
  addRoute(app, 'GET', endpoint.path, (request, reply) =>
    sendList(request, reply, state.all(endpoint.collection), endpoint),
  );
  addRoute(app, 'GET', `${endpoint.path}/:id`, (request) => {
    const obj = requireObject(state, endpoint.collection, param(request, 'id'));
    return projectObject(obj, endpoint.hidden ?? [], readListQuery(request).select);
  });
}
