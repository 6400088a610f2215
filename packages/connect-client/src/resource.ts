/**
 * Single objects (`/requests/PR-1`) and their action endpoints (`/requests/PR-1/approve`).
 */

import { ConnectCollection } from './collection.ts';
import {
  joinPath,
  type RequestOptions,
  type ResourceContext,
  withSignal,
} from './resource-context.ts';
import type { HttpMethod, TransportResponse } from './transport.ts';

/** One object, e.g. `/requests/PR-1`. */
export class ConnectResource<T = unknown> {
  readonly path: string;
  readonly #context: ResourceContext;

  constructor(context: ResourceContext, path: string) {
    this.#context = context;
    this.path = path;
  }

  /** GETs the object. */
  async get(options: RequestOptions = {}): Promise<T> {
    return (await this.#send('GET', undefined, options)).body as T;
  }

  /** PUTs a (partial) update; returns the updated object. */
  async update(body: unknown, options: RequestOptions = {}): Promise<T> {
    return (await this.#send('PUT', body, options)).body as T;
  }

  /** DELETEs the object. */
  async delete(options: RequestOptions = {}): Promise<void> {
    await this.#send('DELETE', undefined, options);
  }

  /** An action endpoint below this object, e.g. `approve`. */
  action(name: string): ConnectAction {
    return new ConnectAction(this.#context, joinPath(this.path, name));
  }

  /** A nested collection, e.g. `client.collection('products').resource(id).collection('items')`. */
  collection<U = unknown>(name: string): ConnectCollection<U> {
    return new ConnectCollection<U>(this.#context, joinPath(this.path, name));
  }

  #send(method: HttpMethod, body: unknown, options: RequestOptions): Promise<TransportResponse> {
    return this.#context.transport({
      method,
      path: this.path,
      ...(body === undefined ? {} : { body }),
      ...withSignal(options),
    });
  }
}

/** An action endpoint such as `/requests/PR-1/approve`; methods return the full response. */
export class ConnectAction {
  readonly path: string;
  readonly #context: ResourceContext;

  constructor(context: ResourceContext, path: string) {
    this.#context = context;
    this.path = path;
  }

  /** POSTs the action (never retried automatically: actions are not idempotent). */
  post(body?: unknown, options: RequestOptions = {}): Promise<TransportResponse> {
    return this.#send('POST', body, options);
  }

  /** PUTs the action, e.g. `PUT /usage/files/{id}/approve-all`. */
  put(body?: unknown, options: RequestOptions = {}): Promise<TransportResponse> {
    return this.#send('PUT', body, options);
  }

  /** GETs the action, e.g. `/assets/{id}/render`. */
  get(options: RequestOptions = {}): Promise<TransportResponse> {
    return this.#send('GET', undefined, options);
  }

  /** DELETEs the action endpoint. */
  delete(options: RequestOptions = {}): Promise<TransportResponse> {
    return this.#send('DELETE', undefined, options);
  }

  #send(method: HttpMethod, body: unknown, options: RequestOptions): Promise<TransportResponse> {
    return this.#context.transport({
      method,
      path: this.path,
      ...(body === undefined ? {} : { body }),
      ...withSignal(options),
    });
  }
}
