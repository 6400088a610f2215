/**
 * Shared plumbing of collections, resources and actions: per-call options, the context they
 * carry and path joining.
 */

import type { Transport } from './transport.ts';

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** Options of `ConnectCollection.all()` and `.iterate()`. */
export interface ListOptions extends RequestOptions {
  maxRecords?: number;
}

/** What collections, resources and actions share: the transport and the default page size. */
export interface ResourceContext {
  transport: Transport;
  pageSize: number;
}

/** Joins path segments, tolerating leading/trailing slashes in each. */
export function joinPath(...segments: readonly string[]): string {
  const parts = segments.flatMap((segment) => segment.split('/')).filter((part) => part !== '');
  return `/${parts.join('/')}`;
}

/** Spreads a caller's signal into a transport request (exactOptionalPropertyTypes-safe). */
export function withSignal(options: RequestOptions | undefined): { signal?: AbortSignal } {
  return options?.signal ? { signal: options.signal } : {};
}
