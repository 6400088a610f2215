/**
 * Entry point: {@link createConnectClient} wires options into a transport and exposes the
 * fluent resource API. No global state: every client owns its settings.
 */

import packageJson from '../package.json' with { type: 'json' };
import { ConnectCollection } from './fluent-api.ts';
import { clampPageSize } from './pagination.ts';
import { joinPath, type ResourceContext } from './resource-context.ts';
import {
  abortableSleep,
  DEFAULT_RETRY_OPTIONS,
  type RetryOptions,
  type SleepFunction,
} from './retry.ts';
import {
  createTransport,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './transport.ts';

/**
 * Far above any page of records (1,000 records of a few KB) or usage file Connect
 * sends, and a bound on what one answer can make the process hold.
 */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;

/** Options of {@link createConnectClient}. */
export interface ConnectClientOptions {
  /** Base URL including `/public/v1`, e.g. `https://api.connect.cloudblue.com/public/v1`. */
  endpoint: string;
  /** API token `SU-…:…`, with or without the `ApiKey ` prefix. */
  token: string;
  /** fetch implementation; defaults to `globalThis.fetch`, looked up on every request. */
  fetch?: typeof fetch;
  /** Per-attempt timeout (headers and body). Default 60 s. */
  timeoutMs?: number;
  /**
   * The largest response body read, in bytes; a larger one fails the request with
   * ConnectResponseTooLargeError. Default DEFAULT_MAX_BODY_BYTES.
   */
  maxBodyBytes?: number;
  /** Retry tuning for idempotent requests. */
  retry?: Partial<RetryOptions>;
  /** Default list page size (clamped to 1…1000). Default 100. */
  pageSize?: number;
  /** Extra headers on every request; `Authorization` is not allowed here. */
  headers?: Readonly<Record<string, string>>;
  /** Replaces the default `junction/<version> node/<version>` User-Agent. */
  userAgent?: string;
  /** Test seams: back-off sleep, jitter source and clock (for `Retry-After` dates). */
  sleep?: SleepFunction;
  random?: () => number;
  now?: () => number;
}

/** Navigation inside a namespace, e.g. `client.ns('tier').collection('configs')`. */
export interface ConnectNamespace {
  readonly path: string;
  collection<T = unknown>(name: string): ConnectCollection<T>;
  ns(name: string): ConnectNamespace;
}

/** A Connect API client bound to one endpoint and token. */
export interface ConnectClient extends ConnectNamespace {
  readonly endpoint: string;
  /** Low-level escape hatch: one request relative to the endpoint. */
  request(request: TransportRequest): Promise<TransportResponse>;
}

/** Adds the `ApiKey ` prefix Connect expects when the caller passed the bare token. */
export function toAuthorizationHeader(token: string): string {
  const trimmed = token.trim();
  return /^apikey\s/i.test(trimmed) ? trimmed : `ApiKey ${trimmed}`;
}

/** `junction/<package version> node/<node version>`. */
export function defaultUserAgent(): string {
  return `junction/${packageJson.version} node/${process.versions.node}`;
}

/** Creates a Connect client. Throws a TypeError for an unusable endpoint or token. */
export function createConnectClient(options: ConnectClientOptions): ConnectClient {
  if (!/^https?:\/\//i.test(options.endpoint)) {
    throw new TypeError(`Connect endpoint must be an http(s) URL, got ${options.endpoint}`);
  }
  if (options.token.trim() === '') {
    throw new TypeError('Connect token is empty');
  }
  const headers = options.headers ?? {};
  if (Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
    throw new TypeError('Pass the API key as `token`, not as an Authorization header');
  }
  const transport: Transport = createTransport({
    endpoint: options.endpoint,
    authorization: toAuthorizationHeader(options.token),
    userAgent: options.userAgent ?? defaultUserAgent(),
    timeoutMs: options.timeoutMs ?? 60_000,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    retry: { ...DEFAULT_RETRY_OPTIONS, ...options.retry },
    headers,
    fetch: options.fetch,
    sleep: options.sleep ?? abortableSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  });
  const context: ResourceContext = { transport, pageSize: clampPageSize(options.pageSize) };
  return {
    ...namespace(context, '/'),
    endpoint: options.endpoint.replace(/\/+$/, ''),
    request: transport,
  };
}

function namespace(context: ResourceContext, path: string): ConnectNamespace {
  return {
    path,
    collection: <T>(name: string) => new ConnectCollection<T>(context, joinPath(path, name)),
    ns: (name: string) => namespace(context, joinPath(path, name)),
  };
}
