/**
 * Action endpoints of an object, e.g. `/requests/PR-1/approve`.
 */

import { type RequestOptions, type ResourceContext, withSignal } from './resource-context.ts';
import type { HttpMethod, TransportResponse } from './transport.ts';

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
