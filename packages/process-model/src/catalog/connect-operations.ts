import { own } from '../own.ts';
/**
 * The CloudBlue Connect connector's catalog: the actions and objects the Options
 * panel offers, and which (action, object) pairs are valid. Labels follow the
 * Boomi connector's wording (see shared/seeds). The HTTP mapping of each pair
 * lives in @junction/connect-client; a server test checks both agree.
 */

export const CONNECT_ACTIONS = {
  list: 'List Resource',
  get: 'Get Resource',
  create: 'Create Resource',
  update: 'Update Resource File',
  delete: 'Delete Resource',
  upload: 'Upload File',
  accept: 'Accept',
  reject: 'Reject',
  approve: 'Approve',
  inquire: 'Inquire',
  pending: 'Pending',
  assign: 'Assign',
  unassign: 'Unassign',
  resolve: 'Resolve',
  close: 'Close',
  regenerate: 'Regenerate',
  'bulk-close': 'Bulk Close',
  reprocess: 'Reprocess',
  submit: 'Submit',
} as const;

export type ConnectAction = keyof typeof CONNECT_ACTIONS;

export const CONNECT_OBJECTS = {
  asset: 'Asset',
  request: 'Request',
  'tier-account': 'Tier Account',
  'tier-account-version': 'Tier Account Version',
  'tier-account-request': 'Tier Account Request',
  'tier-config-request': 'Tier Config Request',
  'tier-config': 'Tier Config',
  'subscription-request': 'Subscription Request',
  'subscription-asset': 'Subscription Asset',
  product: 'Product',
  'usage-report': 'Usage Report',
  'usage-record': 'Usage Record',
  'usage-chunk': 'Usage Chunk',
  'usage-reconciliation': 'Usage Reconciliation',
  case: 'Case',
} as const;

export type ConnectObject = keyof typeof CONNECT_OBJECTS;

/** Valid actions per object, in the order the Options panel lists them. */
export const CONNECT_OBJECT_ACTIONS: Readonly<Record<ConnectObject, readonly ConnectAction[]>> = {
  asset: ['list', 'get'],
  'subscription-asset': ['list', 'get'],
  request: [
    'list',
    'get',
    'create',
    'update',
    'approve',
    'inquire',
    'pending',
    'reject',
    'assign',
    'unassign',
  ],
  'subscription-request': ['list', 'get', 'create', 'update'],
  'tier-account': ['list', 'get', 'create', 'update', 'delete'],
  'tier-account-version': ['list', 'get'],
  'tier-account-request': ['list', 'get', 'create', 'accept', 'reject'],
  'tier-config': ['list', 'get'],
  'tier-config-request': [
    'list',
    'get',
    'create',
    'update',
    'submit',
    'approve',
    'inquire',
    'pending',
    'reject',
    'assign',
    'unassign',
  ],
  product: ['list', 'get', 'create', 'update', 'delete'],
  'usage-report': [
    'list',
    'get',
    'create',
    'update',
    'upload',
    'submit',
    'accept',
    'reject',
    'close',
    'reprocess',
    'delete',
  ],
  'usage-record': ['list', 'get', 'update', 'close', 'bulk-close'],
  'usage-chunk': ['list', 'get', 'update', 'close', 'regenerate'],
  'usage-reconciliation': ['list', 'get', 'create'],
  case: ['list', 'get', 'create', 'update', 'inquire', 'pending', 'resolve', 'close'],
};

export function isValidConnectPair(action: string, object: string): boolean {
  const actions = own(CONNECT_OBJECT_ACTIONS as Record<string, readonly string[]>, object);
  return actions?.includes(action) ?? false;
}

/** Get-type actions read records (output is the records); the rest send documents. */
export function isInboundConnectAction(action: ConnectAction): boolean {
  return action === 'list' || action === 'get';
}
