import { randomUUID } from 'node:crypto';
import type { HttpListener } from '@junction/process-model';
import type { RunDocument } from '@junction/runtime';

/** Headers that carry credentials or the client's session: never copied into a document. */
const WITHHELD_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/** The server's own credential in a link (`?access_token=`) is not the process's data. */
const ACCESS_TOKEN_PARAMETER = 'access_token';

/** A call's headers and query parameters are capped in number and size, like the body. */
const MAX_ENTRIES = 100;
const MAX_NAME = 200;
const MAX_VALUE = 8_192;

export interface ListenerCall {
  method: string;
  environmentId: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  query: string;
  body: string;
}

/**
 * The start document of a listener call: the body as its data; the method, path,
 * environment, headers (lowercase names; credentials, cookies and the secret header
 * left out, as is an `access_token` query parameter) and query parameters (repeated ones joined by commas) as properties
 * `listen.method`, `listen.header.<name>`, `listen.query.<name>`, …
 */
export function startDocumentOf(
  call: ListenerCall,
  listener: HttpListener | undefined,
): RunDocument {
  // Every name starts with `listen.`, so none can be __proto__ or the like.
  const properties: Record<string, string> = {};
  properties['listen.method'] = call.method;
  properties['listen.path'] = call.path;
  properties['listen.environment'] = call.environmentId;
  const secretHeader =
    listener?.auth.kind === 'shared-secret' ? listener.auth.header.toLowerCase() : undefined;
  let headers = 0;
  for (const [name, value] of Object.entries(call.headers)) {
    if (value === undefined || WITHHELD_HEADERS.has(name) || name === secretHeader) {
      continue;
    }
    if (headers++ >= MAX_ENTRIES || name.length > MAX_NAME) {
      continue;
    }
    properties[`listen.header.${name}`] = (Array.isArray(value) ? value.join(', ') : value).slice(
      0,
      MAX_VALUE,
    );
  }
  const query = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(call.query)) {
    if (
      name === ACCESS_TOKEN_PARAMETER ||
      name.length > MAX_NAME ||
      (!query.has(name) && query.size >= MAX_ENTRIES)
    ) {
      continue;
    }
    query.set(name, [...(query.get(name) ?? []), value]);
  }
  for (const [name, values] of query) {
    properties[`listen.query.${name}`] = values.join(',').slice(0, MAX_VALUE);
  }
  return { id: randomUUID(), data: call.body, properties };
}
