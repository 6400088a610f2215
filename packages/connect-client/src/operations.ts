/**
 * Executes one catalog operation (an `action` on an `object`, as chosen in the connector's
 * Options panel) and normalises the outcome into records.
 */

import type { ConnectClient } from './client.ts';
import { ConnectOperationError } from './errors.ts';
import { CONNECT_OPERATIONS, type ConnectOperationSpec } from './operation-table.ts';
import type { ListOptions } from './resource-context.ts';
import { isRqlField, R, type RqlExpression } from './rql.ts';

export {
  CONNECT_OPERATIONS,
  type ConnectBodyKind,
  type ConnectOperationSpec,
} from './operation-table.ts';

/**
 * Body of multipart operations (`upload:usage-report` → field `usage_file`,
 * `create:usage-reconciliation` → field `recon_file`). `content` is either bytes or a base64
 * string (how binary travels through JSON documents); `fields` adds plain form fields such as
 * `upload_note`.
 */
export interface ConnectFileUpload {
  filename?: string;
  content: string | Uint8Array<ArrayBuffer> | ArrayBuffer | Blob;
  /** Default: the xlsx MIME type, which is what Connect's usage endpoints take. */
  contentType?: string;
  fields?: Readonly<Record<string, string>>;
}

/** Input of {@link executeConnectOperation}. */
export interface ConnectOperationRequest {
  action: string;
  object: string;
  /** Object id; required by every operation except list/create/bulk-close. */
  id?: string;
  /** Parent object id (the tier account of `tier-account-version`). */
  parentId?: string;
  body?: unknown;
  /** RQL filter for `list`, as typed by the user. */
  filter?: string;
  /**
   * Field filters for `list`: each field must equal its value (`eq(id,PR-1)`), AND-ed with
   * `filter`. Built with the RQL builder, so values are quoted and field names checked here
   * rather than by every caller; `''` means the field is empty (`empty()`).
   */
  equals?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /** Upper bound of records returned by `list`. */
  maxRecords?: number;
}

/** Outcome: the HTTP status and the records the operation produced. */
export interface ConnectOperationResult {
  status: number;
  records: unknown[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Looks up the mapping of a pair; throws {@link ConnectOperationError} for unknown pairs. */
export function getConnectOperation(action: string, object: string): ConnectOperationSpec {
  const spec = CONNECT_OPERATIONS[`${action}:${object}`];
  if (!spec) {
    throw new ConnectOperationError(
      'UNKNOWN_OPERATION',
      `Connect has no operation "${action}" on "${object}"`,
    );
  }
  return spec;
}

/**
 * Runs one catalog operation. `list` returns every item (all pages, honouring `filter` and
 * `maxRecords`); `get` the object; writes return the response body as one record, `[]` for
 * 204 responses, and the per-record results for bulk close (206).
 */
export async function executeConnectOperation(
  client: ConnectClient,
  request: ConnectOperationRequest,
): Promise<ConnectOperationResult> {
  const spec = getConnectOperation(request.action, request.object);
  const path = resolvePath(spec.path, request);
  const signal = request.signal ? { signal: request.signal } : {};
  if (spec.kind === 'list') {
    const records = await listCollection(client, path, request).all(listOptions(request));
    return { status: 200, records };
  }
  const body = buildBody(spec, request);
  const response = await client.request({
    method: spec.method,
    path,
    ...(body === undefined ? {} : { body }),
    ...signal,
  });
  if (response.body === undefined) {
    return { status: response.status, records: [] };
  }
  const records = Array.isArray(response.body) ? response.body : [response.body];
  return { status: response.status, records: spec.kind === 'get' ? [response.body] : records };
}

/**
 * A list operation's pages, each the unparsed bytes of its JSON array (undefined for an
 * empty body), fetched one after another as they are iterated, for a caller that parses
 * them where it uses them (another thread): the bytes own their buffers, so they can be
 * transferred rather than copied. A page holds more than `maxRecords` asked for only when
 * a server ignores `limit`: the caller trims.
 */
export async function* listConnectPages(
  client: ConnectClient,
  request: ConnectOperationRequest,
): AsyncGenerator<Uint8Array | undefined, void, undefined> {
  const spec = getConnectOperation(request.action, request.object);
  if (spec.kind !== 'list') {
    throw new ConnectOperationError(
      'UNKNOWN_OPERATION',
      `"${request.action}" on "${request.object}" is not a list`,
    );
  }
  const collection = listCollection(client, resolvePath(spec.path, request), request);
  for await (const page of collection.pages(listOptions(request))) {
    yield page.bytes;
  }
}

function listCollection(client: ConnectClient, path: string, request: ConnectOperationRequest) {
  return client.collection(path).filter(...fieldFilters(request), request.filter ?? '');
}

function listOptions(request: ConnectOperationRequest): ListOptions {
  return {
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.maxRecords === undefined ? {} : { maxRecords: request.maxRecords }),
  };
}

function fieldFilters(request: ConnectOperationRequest): RqlExpression[] {
  return Object.entries(request.equals ?? {}).map(([field, value]) => {
    // RQL never quotes a field name: refuse one that could change the query's structure.
    if (!isRqlField(field)) {
      throw new ConnectOperationError(
        'INVALID_FILTER',
        `"${request.action}" on "${request.object}" cannot filter on ${JSON.stringify(field)}: not a field name`,
      );
    }
    return R.eq(field, value === '' ? R.empty() : value);
  });
}

function resolvePath(template: string, request: ConnectOperationRequest): string {
  let path = template;
  if (path.includes('{parentId}')) {
    if (!request.parentId) {
      throw new ConnectOperationError(
        'MISSING_PARENT_ID',
        `"${request.action}" on "${request.object}" needs parentId`,
      );
    }
    path = path.replace('{parentId}', encodeURIComponent(request.parentId));
  }
  if (path.includes('{id}')) {
    if (!request.id) {
      throw new ConnectOperationError(
        'MISSING_ID',
        `"${request.action}" on "${request.object}" needs an id`,
      );
    }
    path = path.replace('{id}', encodeURIComponent(request.id));
  }
  return path;
}

function buildBody(spec: ConnectOperationSpec, request: ConnectOperationRequest): unknown {
  const { body } = request;
  switch (spec.body) {
    case 'none':
      return undefined;
    case 'json':
      if (body === undefined) {
        return {};
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw invalidBody(request, 'expects a JSON object');
      }
      return body;
    case 'json-array':
      if (!Array.isArray(body)) {
        throw invalidBody(request, 'expects a JSON array');
      }
      return body;
    case 'multipart':
      return toFormData(spec.fileField ?? 'file', body, request);
  }
}

function toFormData(field: string, body: unknown, request: ConnectOperationRequest): FormData {
  if (!isFileUpload(body)) {
    throw invalidBody(
      request,
      'expects {filename?, content, contentType?, fields?}: content as base64 text or bytes, filename and contentType as text, fields as text values',
    );
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(body.fields ?? {})) {
    form.append(name, value);
  }
  const type = body.contentType ?? XLSX;
  const content =
    typeof body.content === 'string' ? decodeBase64(body.content, request) : body.content;
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  form.append(field, blob, body.filename ?? `${field}.xlsx`);
  return form;
}

const optionalText = (value: unknown) => value === undefined || typeof value === 'string';

/**
 * The whole shape, not only the content: a body usually comes from a document's JSON,
 * where a number as filename or an object among the fields would otherwise reach
 * Connect as "[object Object]". Bytes over shared memory are refused too: another
 * thread could change them while they are sent.
 */
function isFileUpload(value: unknown): value is ConnectFileUpload {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const { content, filename, contentType, fields } = value as Record<string, unknown>;
  const contentOk =
    typeof content === 'string' ||
    (content instanceof Uint8Array && content.buffer instanceof ArrayBuffer) ||
    content instanceof ArrayBuffer ||
    content instanceof Blob;
  const fieldsOk =
    fields === undefined ||
    (typeof fields === 'object' &&
      fields !== null &&
      !Array.isArray(fields) &&
      Object.values(fields).every((v) => typeof v === 'string'));
  return contentOk && optionalText(filename) && optionalText(contentType) && fieldsOk;
}

function decodeBase64(text: string, request: ConnectOperationRequest): Uint8Array<ArrayBuffer> {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw invalidBody(request, 'content is not valid base64');
  }
  return Uint8Array.from(atob(compact), (char) => char.charCodeAt(0));
}

function invalidBody(request: ConnectOperationRequest, detail: string): ConnectOperationError {
  return new ConnectOperationError(
    'INVALID_BODY',
    `"${request.action}" on "${request.object}" ${detail}`,
  );
}
