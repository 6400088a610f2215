/**
 * The HTTP mapping of every (action, object) pair of the connector catalog
 * (process-model `CONNECT_OBJECT_ACTIONS`), following connect-api.md §4.
 */

import type { HttpMethod } from './transport.ts';

/** How the request body of an operation is built. */
export type ConnectBodyKind =
  /**
   * The spec declares no body: none is sent, even when the caller's document carries one (a GET
   * with a body is a TypeError in fetch; Connect would ignore it on the others).
   */
  | 'none'
  /** The caller's body is sent as JSON (`{}` when absent). */
  | 'json'
  /** The caller's body must be a JSON array (bulk endpoints). */
  | 'json-array'
  /** A file upload, see {@link ConnectFileUpload} in operations.ts. */
  | 'multipart';

/** One catalog operation. */
export interface ConnectOperationSpec {
  method: HttpMethod;
  /** Path template below the endpoint; `{id}` and `{parentId}` are substituted. */
  path: string;
  /** `list` pages through every item, `get` reads one object, `send` writes. */
  kind: 'list' | 'get' | 'send';
  body: ConnectBodyKind;
  /** Form field of the file for multipart operations. */
  fileField?: string;
  /** Documented success statuses (the client accepts any 2xx; this records what to expect). */
  success: readonly number[];
}

const list = (path: string): ConnectOperationSpec => ({
  method: 'GET',
  path,
  kind: 'list',
  body: 'none',
  success: [200],
});
const get = (path: string): ConnectOperationSpec => ({
  method: 'GET',
  path: `${path}/{id}`,
  kind: 'get',
  body: 'none',
  success: [200],
});
const create = (path: string): ConnectOperationSpec => ({
  method: 'POST',
  path,
  kind: 'send',
  body: 'json',
  success: [201],
});
const update = (path: string): ConnectOperationSpec => ({
  method: 'PUT',
  path: `${path}/{id}`,
  kind: 'send',
  body: 'json',
  success: [200],
});
const remove = (path: string): ConnectOperationSpec => ({
  method: 'DELETE',
  path: `${path}/{id}`,
  kind: 'send',
  body: 'none',
  success: [204],
});
const action = (
  path: string,
  verb: string,
  body: ConnectBodyKind = 'none',
  success: readonly number[] = [200],
): ConnectOperationSpec => ({
  method: 'POST',
  path: `${path}/{id}/${verb}`,
  kind: 'send',
  body,
  success,
});
const readable = (object: string, path: string) => ({
  [`list:${object}`]: list(path),
  [`get:${object}`]: get(path),
});

const REQUESTS = '/requests';
const TCR = '/tier/config-requests';
const USAGE_FILES = '/usage/files';

/**
 * Keyed `'action:object'`. Notable mappings: `reject:request` → `fail`, `reject:tier-account-request`
 * → `ignore`, `pending:*` → `pend`, usage-report `delete` is `POST …/delete`, TCR actions
 * other than approve/submit answer 204, bulk close answers 206 with per-record results.
 */
export const CONNECT_OPERATIONS: Readonly<Record<string, ConnectOperationSpec>> = {
  ...readable('asset', '/assets'),
  ...readable('subscription-asset', '/subscriptions/assets'),

  ...readable('request', REQUESTS),
  'create:request': create(REQUESTS),
  'update:request': update(REQUESTS),
  'approve:request': action(REQUESTS, 'approve', 'json'),
  'inquire:request': action(REQUESTS, 'inquire', 'json'),
  'pending:request': action(REQUESTS, 'pend'),
  'reject:request': action(REQUESTS, 'fail', 'json'),
  'assign:request': action(REQUESTS, 'assign', 'json'),
  'unassign:request': action(REQUESTS, 'unassign'),

  ...readable('subscription-request', '/subscriptions/requests'),
  'create:subscription-request': create('/subscriptions/requests'),
  'update:subscription-request': {
    ...update('/subscriptions/requests'),
    path: '/subscriptions/requests/{id}/attributes',
  },

  ...readable('tier-account', '/tier/accounts'),
  'create:tier-account': create('/tier/accounts'),
  'update:tier-account': update('/tier/accounts'),
  'delete:tier-account': remove('/tier/accounts'),

  ...readable('tier-account-version', '/tier/accounts/{parentId}/versions'),

  ...readable('tier-account-request', '/tier/account-requests'),
  'create:tier-account-request': create('/tier/account-requests'),
  'accept:tier-account-request': action('/tier/account-requests', 'accept'),
  'reject:tier-account-request': action('/tier/account-requests', 'ignore', 'json'),

  ...readable('tier-config', '/tier/configs'),

  ...readable('tier-config-request', TCR),
  'create:tier-config-request': create(TCR),
  'update:tier-config-request': update(TCR),
  'submit:tier-config-request': action(TCR, 'submit', 'json'),
  'approve:tier-config-request': action(TCR, 'approve', 'json'),
  'inquire:tier-config-request': action(TCR, 'inquire', 'none', [204]),
  'pending:tier-config-request': action(TCR, 'pend', 'none', [204]),
  'reject:tier-config-request': action(TCR, 'fail', 'json', [204]),
  'assign:tier-config-request': action(TCR, 'assign', 'json', [204]),
  'unassign:tier-config-request': action(TCR, 'unassign', 'none', [204]),

  ...readable('product', '/products'),
  'create:product': create('/products'),
  'update:product': update('/products'),
  'delete:product': remove('/products'),

  ...readable('usage-report', USAGE_FILES),
  'create:usage-report': create(USAGE_FILES),
  'update:usage-report': update(USAGE_FILES),
  'upload:usage-report': {
    ...action(USAGE_FILES, 'upload', 'multipart', [200, 201]),
    fileField: 'usage_file',
  },
  'submit:usage-report': action(USAGE_FILES, 'submit'),
  'accept:usage-report': action(USAGE_FILES, 'accept', 'json'),
  'reject:usage-report': action(USAGE_FILES, 'reject', 'json'),
  'close:usage-report': action(USAGE_FILES, 'close'),
  'reprocess:usage-report': action(USAGE_FILES, 'reprocess'),
  'delete:usage-report': action(USAGE_FILES, 'delete'),

  ...readable('usage-record', '/usage/records'),
  'update:usage-record': update('/usage/records'),
  'close:usage-record': action('/usage/records', 'close', 'json'),
  'bulk-close:usage-record': {
    method: 'POST',
    path: '/usage/records/close-records',
    kind: 'send',
    body: 'json-array',
    success: [206, 200],
  },

  ...readable('usage-chunk', '/usage/chunks'),
  'update:usage-chunk': update('/usage/chunks'),
  'close:usage-chunk': action('/usage/chunks', 'close', 'json'),
  'regenerate:usage-chunk': action('/usage/chunks', 'regenerate'),

  ...readable('usage-reconciliation', '/usage/reconciliations'),
  'create:usage-reconciliation': {
    ...create('/usage/reconciliations'),
    body: 'multipart',
    fileField: 'recon_file',
  },

  ...readable('case', '/helpdesk/cases'),
  'create:case': create('/helpdesk/cases'),
  'update:case': update('/helpdesk/cases'),
  'inquire:case': action('/helpdesk/cases', 'inquire', 'json'),
  'pending:case': action('/helpdesk/cases', 'pend', 'json'),
  'resolve:case': action('/helpdesk/cases', 'resolve', 'json'),
  'close:case': action('/helpdesk/cases', 'close', 'json'),
};
