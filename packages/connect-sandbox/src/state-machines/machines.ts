import type { StateMachine } from './machine.ts';

/** Fulfillment requests (§4.2). REQ_003 is what Connect answers for a wrong state. */
export const REQUEST_MACHINE: StateMachine = {
  field: 'status',
  noun: 'requests',
  errorCode: 'REQ_003',
  transitions: {
    purchase: { from: ['draft'], to: 'pending', done: 'purchased' },
    submit: { from: ['draft'], to: 'pending', done: 'submitted' },
    approve: { from: ['pending'], to: 'approved', done: 'approved' },
    inquire: { from: ['pending'], to: 'inquiring', done: 'inquired' },
    pend: { from: ['inquiring'], to: 'pending', done: 'pended' },
    fail: { from: ['pending', 'inquiring'], to: 'failed', done: 'failed' },
    schedule: { from: ['pending'], to: 'scheduled', done: 'scheduled' },
    revoke: { from: ['scheduled'], to: 'revoking', done: 'revoked' },
    confirm: { from: ['revoking'], to: 'revoked', done: 'confirmed' },
  },
};

/** Tier config requests (§4.7, inferred by analogy with requests). */
export const TIER_CONFIG_REQUEST_MACHINE: StateMachine = {
  field: 'status',
  noun: 'tier config requests',
  errorCode: 'REQ_003',
  transitions: {
    submit: { from: ['draft'], to: 'pending', done: 'submitted' },
    approve: { from: ['pending'], to: 'approved', done: 'approved' },
    inquire: { from: ['pending'], to: 'inquiring', done: 'inquired' },
    pend: { from: ['inquiring'], to: 'pending', done: 'pended' },
    fail: { from: ['pending', 'inquiring'], to: 'failed', done: 'failed' },
  },
};

/** Tier account requests (§4.5). */
export const TIER_ACCOUNT_REQUEST_MACHINE: StateMachine = {
  field: 'status',
  noun: 'tier account requests',
  errorCode: 'VAL_001',
  transitions: {
    accept: { from: ['pending'], to: 'accepted', done: 'accepted' },
    ignore: { from: ['pending'], to: 'ignored', done: 'ignored' },
  },
};

/** Usage files (§4.9). `upload` and `reprocess` land in processing; the plugin then finishes to ready. */
export const USAGE_FILE_MACHINE: StateMachine = {
  field: 'status',
  noun: 'usage files',
  errorCode: 'VAL_001',
  transitions: {
    upload: { from: ['draft', 'invalid', 'ready'], to: 'processing', done: 'uploaded' },
    reprocess: { from: ['ready', 'invalid'], to: 'processing', done: 'reprocessed' },
    submit: { from: ['ready'], to: 'pending', done: 'submitted' },
    accept: { from: ['pending'], to: 'accepted', done: 'accepted' },
    reject: { from: ['pending'], to: 'rejected', done: 'rejected' },
    close: { from: ['accepted'], to: 'closed', done: 'closed' },
    delete: { from: ['draft', 'invalid', 'ready', 'rejected'], to: 'deleted', done: 'deleted' },
    'approve-all': { from: ['ready', 'pending'], to: 'ready', done: 'approved' },
  },
};

/** Usage chunks (§4.11). */
export const USAGE_CHUNK_MACHINE: StateMachine = {
  field: 'status',
  noun: 'usage chunks',
  errorCode: 'VAL_001',
  transitions: {
    close: { from: ['ready'], to: 'closed', done: 'closed' },
    regenerate: { from: ['draft', 'ready', 'failed'], to: 'ready', done: 'regenerated' },
  },
};

/** Usage records (§4.10): closing needs an approved (or valid) record. */
export const USAGE_RECORD_MACHINE: StateMachine = {
  field: 'status',
  noun: 'usage records',
  errorCode: 'VAL_001',
  transitions: {
    close: { from: ['approved', 'valid'], to: 'closed', done: 'closed' },
  },
};

/** Helpdesk cases (§4.13). */
export const CASE_MACHINE: StateMachine = {
  field: 'state',
  noun: 'cases',
  errorCode: 'VAL_001',
  transitions: {
    inquire: { from: ['pending'], to: 'inquiring', done: 'inquired' },
    pend: { from: ['inquiring', 'resolved'], to: 'pending', done: 'pended' },
    resolve: { from: ['pending'], to: 'resolved', done: 'resolved' },
    close: { from: ['resolved'], to: 'closed', done: 'closed' },
  },
};
