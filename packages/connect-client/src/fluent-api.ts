/**
 * The fluent API (modelled on the Python connect-openapi-client): collections are lazy,
 * immutable query builders that only hit the network when awaited or iterated; resources
 * are single objects. The two classes live in one module because they are recursive by
 * nature (a collection yields resources, a resource has nested collections), and two
 * modules would import each other.
 */

import { ConnectAction } from './action.ts';
import { paginate, paginateRaw, parseContentRange, type RawPage } from './pagination.ts';
import {
  joinPath,
  type ListOptions,
  type RequestOptions,
  type ResourceContext,
  withSignal,
} from './resource-context.ts';
import { encodeRqlForUrl, type RqlExpression } from './rql.ts';
import type { HttpMethod, TransportResponse } from './transport.ts';

interface QueryState {
  readonly filters: readonly string[];
  readonly select: readonly string[];
  readonly ordering: readonly string[];
  readonly search: string | undefined;
  readonly pageSize: number | undefined;
}

const EMPTY_QUERY: QueryState = {
  filters: [],
  select: [],
  ordering: [],
  search: undefined,
  pageSize: undefined,
};

/**
 * A list endpoint such as `/requests`. Immutable: `filter`, `select`, `order`, `search` and
 * `pageSize` return a new collection.
 */
export class ConnectCollection<T = unknown> implements AsyncIterable<T> {
  readonly path: string;
  readonly #context: ResourceContext;
  readonly #query: QueryState;

  constructor(context: ResourceContext, path: string, query: QueryState = EMPTY_QUERY) {
    this.#context = context;
    this.path = path;
    this.#query = query;
  }

  /** Adds RQL terms (AND-ed with the existing ones). Strings are sent as given. */
  filter(...terms: readonly (RqlExpression | string)[]): ConnectCollection<T> {
    const added = terms.map(String).filter((term) => term.trim() !== '');
    return this.#with({ filters: [...this.#query.filters, ...added] });
  }

  /** Adds `select(...)` fields; `-field` hides one. */
  select(...fields: readonly string[]): ConnectCollection<T> {
    return this.#with({ select: [...this.#query.select, ...fields] });
  }

  /** Sets `ordering(...)`; `-field` sorts descending. */
  order(...fields: readonly string[]): ConnectCollection<T> {
    return this.#with({ ordering: fields });
  }

  /** Sets the full-text `search=` term. */
  search(term: string): ConnectCollection<T> {
    return this.#with({ search: term });
  }

  /** Items per request (clamped to 1…1000). */
  pageSize(size: number): ConnectCollection<T> {
    return this.#with({ pageSize: size });
  }

  /** A single object of this collection. */
  resource(id: string): ConnectResource<T> {
    return new ConnectResource<T>(this.#context, joinPath(this.path, encodeURIComponent(id)));
  }

  /** A collection-level action such as `/usage/records/close-records`. */
  action(name: string): ConnectAction {
    return new ConnectAction(this.#context, joinPath(this.path, name));
  }

  /** The query string for one page (exposed for tests and logging). */
  queryString(limit: number, offset: number): string {
    const { filters, select, ordering, search } = this.#query;
    const parts: string[] = [];
    if (select.length > 0) {
      parts.push(`select(${select.join(',')})`);
    }
    parts.push(...filters.map(encodeRqlForUrl));
    if (ordering.length > 0) {
      parts.push(`ordering(${ordering.join(',')})`);
    }
    parts.push(`limit=${limit}`, `offset=${offset}`);
    if (search !== undefined) {
      parts.push(`search=${encodeURIComponent(search)}`);
    }
    return parts.join('&');
  }

  /** Iterates every item, page by page. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.iterate()[Symbol.asyncIterator]();
  }

  /** Like `for await`, with a signal and an item cap. */
  iterate(options: ListOptions = {}): AsyncGenerator<T, void, undefined> {
    return paginate<T>(
      async (limit, offset) => {
        const response = await this.#get(limit, offset, options);
        return {
          items: Array.isArray(response.body) ? (response.body as T[]) : [],
          contentRange: parseContentRange(response.headers.get('content-range')),
        };
      },
      {
        pageSize: this.#query.pageSize ?? this.#context.pageSize,
        ...(options.maxRecords === undefined ? {} : { maxRecords: options.maxRecords }),
      },
    );
  }

  /**
   * Every page as the unparsed bytes of its JSON array, for a caller that parses them
   * elsewhere (another thread). `maxRecords` bounds what is asked for; see
   * {@link paginateRaw} for a server that ignores `limit`.
   */
  pages(options: ListOptions = {}): AsyncGenerator<RawPage, void, undefined> {
    return paginateRaw(
      async (limit, offset) => {
        const response = await this.#get(limit, offset, options, true);
        return {
          bytes: response.body instanceof Uint8Array ? response.body : undefined,
          contentRange: parseContentRange(response.headers.get('content-range')),
        };
      },
      {
        pageSize: this.#query.pageSize ?? this.#context.pageSize,
        ...(options.maxRecords === undefined ? {} : { maxRecords: options.maxRecords }),
      },
    );
  }

  /** Every item, as an array. */
  async all(options: ListOptions = {}): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this.iterate(options)) {
      items.push(item);
    }
    return items;
  }

  /** The first item, or undefined for an empty result. */
  async first(options: RequestOptions = {}): Promise<T | undefined> {
    const response = await this.#get(1, 0, options);
    return Array.isArray(response.body) ? (response.body[0] as T | undefined) : undefined;
  }

  /** The total number of matching items, read from `Content-Range` of a `limit=0` query. */
  async count(options: RequestOptions = {}): Promise<number> {
    const response = await this.#get(0, 0, options);
    const range = parseContentRange(response.headers.get('content-range'));
    if (range) {
      return range.total;
    }
    // Without the header the best answer is what came back.
    return Array.isArray(response.body) ? response.body.length : 0;
  }

  /** POSTs a new object to the collection; returns the created object. */
  async create(body: unknown, options: RequestOptions = {}): Promise<T> {
    const response = await this.#context.transport({
      method: 'POST',
      path: this.path,
      body,
      ...withSignal(options),
    });
    return response.body as T;
  }

  #get(
    limit: number,
    offset: number,
    options: RequestOptions,
    rawBody = false,
  ): Promise<TransportResponse> {
    return this.#context.transport({
      method: 'GET',
      path: this.path,
      query: this.queryString(limit, offset),
      ...withSignal(options),
      ...(rawBody ? { rawBody } : {}),
    });
  }

  #with(patch: Partial<QueryState>): ConnectCollection<T> {
    return new ConnectCollection<T>(this.#context, this.path, { ...this.#query, ...patch });
  }
}

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
