import { own } from '../own.ts';
import { type ConnectAction, isValidConnectPair } from './connect-operations.ts';

/**
 * Which parameters each Connect operation takes and what the runtime does with them. This is the
 * single source of truth: validation names unknown and missing parameters from it, the runtime
 * routes every parameter by it, and a connect-client test checks the body fields against the
 * official OpenAPI spec. A parameter the operation does not take is refused rather than ignored,
 * because an ignored `id` on a List once returned every record to an Approve.
 */

/**
 * Where a parameter goes: `path` fills `{id}`/`{parentId}`, `filter` becomes an RQL `eq` on the
 * field of that name, `query` is a List control (`filter`, `maxRecords`), `body` a top-level
 * field set over the document's JSON.
 */
export type ConnectParameterPlace = 'path' | 'filter' | 'query' | 'body';

export interface ConnectParameterSpec {
  name: string;
  /** True when the operation cannot run without it (the document cannot supply it). */
  required: boolean;
  place: ConnectParameterPlace;
}

export interface ConnectOperationParameters {
  /** The named parameters, in the order the Options panel suggests them. */
  named: readonly ConnectParameterSpec[];
  /**
   * What any other name is: a field filter (List: Connect filters on any field by RQL), a body
   * field (Create/Update send the whole object, so any top-level field fits), or not allowed.
   */
  others: 'filter' | 'body' | 'refused';
}

const param = (
  name: string,
  place: ConnectParameterPlace,
  required = false,
): ConnectParameterSpec => ({ name, place, required });

// Send actions take the object's id from the document's `id` field when no parameter gives it.
const ID = param('id', 'path');
const PARENT_ID = param('parentId', 'path', true);

const LIST: ConnectOperationParameters = {
  named: [param('id', 'filter'), param('filter', 'query'), param('maxRecords', 'query')],
  others: 'filter',
};
const GET: ConnectOperationParameters = { named: [param('id', 'path', true)], others: 'refused' };
const CREATE: ConnectOperationParameters = { named: [], others: 'body' };
const UPDATE: ConnectOperationParameters = { named: [ID], others: 'body' };

const body = (...names: string[]): ConnectOperationParameters => ({
  named: [ID, ...names.map((name) => param(name, 'body'))],
  others: 'refused',
});

/**
 * Body fields of the send actions, from the spec's request bodies. Only text fields are offered,
 * since a parameter's value is text: Approve's `asset`, Close · Case's `rating` and the assignee
 * `id` of Assign (which would clash with the path `id`) are left to the document.
 */
const ACTION_BODIES: Readonly<Record<string, ConnectOperationParameters>> = {
  'approve:request': body('template_id', 'activation_tile', 'effective_date'),
  'inquire:request': body('template_id', 'activation_tile'),
  'reject:request': body('reason'),
  'assign:request': body('email'),
  'reject:tier-account-request': body('reason'),
  'reject:tier-config-request': body('reason'),
  'assign:tier-config-request': body('email'),
  'accept:usage-report': body('acceptance_note'),
  'reject:usage-report': body('rejection_note'),
  'close:usage-record': body('external_billing_id', 'external_billing_note'),
  'close:usage-chunk': body('external_billing_id', 'external_billing_note'),
  'close:case': body('feedback'),
  // The body is an array of records (or a file upload): there is no object to set fields on.
  'bulk-close:usage-record': { named: [], others: 'refused' },
  'create:usage-reconciliation': { named: [], others: 'refused' },
};

/** Adds `parentId` to the operations whose path has one (the versions of a tier account). */
function withParent(
  object: string,
  parameters: ConnectOperationParameters,
): ConnectOperationParameters {
  return object === 'tier-account-version'
    ? { ...parameters, named: [PARENT_ID, ...parameters.named] }
    : parameters;
}

function byAction(action: ConnectAction): ConnectOperationParameters {
  switch (action) {
    case 'list':
      return LIST;
    case 'get':
      return GET;
    case 'create':
      return CREATE;
    case 'update':
      return UPDATE;
    default:
      return body();
  }
}

/** The parameters of a valid (action, object) pair; undefined for any other pair. */
export function connectOperationParameters(
  action: string,
  object: string,
): ConnectOperationParameters | undefined {
  if (!isValidConnectPair(action, object)) {
    return undefined;
  }
  const specific = own(ACTION_BODIES, `${action}:${object}`);
  return withParent(object, specific ?? byAction(action as ConnectAction));
}

/**
 * Where one parameter goes, or undefined when the operation does not take it. Names are matched
 * exactly, as Connect's fields are.
 */
export function connectParameterPlace(
  parameters: ConnectOperationParameters,
  name: string,
): ConnectParameterPlace | undefined {
  const named = parameters.named.find((p) => p.name === name);
  if (named) {
    return named.place;
  }
  return parameters.others === 'refused' ? undefined : parameters.others;
}

/** "takes id, template_id", or "takes no parameters": the start of a refusal message. */
export function connectParametersText(parameters: ConnectOperationParameters): string {
  const names = parameters.named.map((p) => p.name);
  return names.length === 0 ? 'takes no parameters' : `takes ${names.join(', ')}`;
}

// RQL never quotes a field name, so a filter parameter's name must be a plain dotted path.
const FILTER_FIELD = /^[A-Za-z_][\w.-]*$/;

/** Whether a name can be a List's field filter (`asset.product.id` can, `a b` cannot). */
export function isConnectFilterField(name: string): boolean {
  return FILTER_FIELD.test(name);
}
