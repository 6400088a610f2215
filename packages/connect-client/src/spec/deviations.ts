/**
 * Where the official spec is wrong about real Connect, documented in
 * ../shared/docs/connect-api.md. Every entry names its section there. The validator drops the
 * issues an entry matches; keep the list short and each entry as narrow as possible.
 */

import type { SpecIssue } from './issues.ts';

/** One accepted difference between the spec and Connect's observed behaviour. */
export interface SpecDeviation {
  method: string;
  /** Spec path templates it applies to. */
  path: RegExp;
  direction: 'request' | 'response';
  location: SpecIssue['location'];
  /** Matched against the issue's instance pointer (lists put `/<index>` in front). */
  pointer?: RegExp;
  keyword?: string;
  reason: string;
}

/** A status Connect answers that the spec does not declare, validated as a declared one. */
export interface StatusAlias {
  method: string;
  path: string;
  status: number;
  validateAs: number;
  reason: string;
}

const ANY = /./;
const FULFILLMENT_REQUESTS = /^\/(requests|assets\/\{[^}]+\}\/requests)(\/|$)/;

export const SPEC_DEVIATIONS: readonly SpecDeviation[] = [
  {
    method: '*',
    path: FULFILLMENT_REQUESTS,
    direction: 'response',
    location: 'body',
    pointer: /^(\/\d+)?\/assignee(\/|$)/,
    reason:
      'connect-api.md §4.2: `assignee` is "" or an object {id, name, email} in real data; the spec types it as a string.',
  },
  {
    method: '*',
    path: FULFILLMENT_REQUESTS,
    direction: 'response',
    location: 'body',
    pointer: /^(\/\d+)?\/(type|status)$/,
    keyword: 'enum',
    reason:
      'connect-api.md §4.2: request type/status take the wider enums of the list filters (adjustment, renew, transfer, scheduled, revoking, revoked…).',
  },
  {
    method: '*',
    path: /^\/usage\/records(\/|$)/,
    direction: 'response',
    location: 'body',
    pointer: /^(\/\d+)?\/category(\/|$)/,
    reason:
      'connect-api.md §4.10: usage record `category` is an object {id, name} in real responses, a string in the spec.',
  },
  {
    method: '*',
    path: ANY,
    direction: 'response',
    location: 'body',
    pointer: /\/params\/\d+\/value_choices\/\d+$/,
    keyword: 'type',
    reason:
      'shared/connect/README.md, fixtures/ff_request.json: parameter `value_choices` hold objects {value, label}, not strings.',
  },
  {
    method: '*',
    path: ANY,
    direction: 'response',
    location: 'body',
    pointer: /\/params\/\d+\/structured_value(\/|$)/,
    reason:
      'fixtures/ff_request.json: `structured_value` of object parameters is free-form; the spec oneOf (address, phone…) rejects real values.',
  },
  {
    method: '*',
    path: ANY,
    direction: 'response',
    location: 'body',
    pointer: /\/contact_info\/address_line2$/,
    keyword: 'type',
    reason: 'fixtures (ff_request.json, ta_list.json): `address_line2` is null when unset.',
  },
  {
    method: '*',
    path: /^\/tier\/config-requests(\/|$)/,
    direction: 'response',
    location: 'body',
    pointer: /^(\/\d+)?(\/sli|\/params|\/(parent_)?configuration\/tier_level)$/,
    reason:
      'fixtures/tcr_request.json: `sli` is absent, `params` is an array and `tier_level` a number (connect-api.md §4.6: 1|2).',
  },
  {
    method: '*',
    path: /^\/tier\/accounts(\/|$)/,
    direction: 'response',
    location: 'body',
    pointer: /^(\/\d+)?\/(db|parent|owner)$/,
    keyword: 'required',
    reason: 'fixtures/ta_account.json, ta_list.json: `db`, `parent` and `owner` are often absent.',
  },
  {
    method: '*',
    path: /^\/helpdesk\/cases(\/|$)/,
    direction: 'response',
    location: 'body',
    pointer: /^(\/\d+)?\/priority$/,
    keyword: 'type',
    reason: 'fixtures/helpdesk.json: case `priority` is a number (0…3), the spec says string.',
  },
];

export const STATUS_ALIASES: readonly StatusAlias[] = [
  {
    method: 'POST',
    path: '/usage/files/{id}/upload',
    status: 201,
    validateAs: 200,
    reason:
      'connect-api.md §4.9: the spec says 200, the old Python SDK expects 201; clients accept both.',
  },
];

/**
 * Error statuses an operation does not declare (401 bad key, 404 unknown id, 429, 5xx): real
 * Connect answers them on every path (connect-api.md §3), always with this body.
 */
export const CONNECT_ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['error_code', 'errors'],
  properties: {
    error_code: { type: 'string' },
    errors: { type: 'array', items: { type: 'string' } },
    params: { type: 'object' },
  },
} as const;
