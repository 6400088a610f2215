import type { SpecDeviation } from '@junction/connect-client/spec';

const ASSETS = /^\/(assets|subscriptions\/assets)(\/|$)/;
const ASSETS_AND_REQUESTS =
  /^\/(assets|subscriptions\/assets|subscriptions\/requests|requests|assets\/\{[^}]+\}\/requests)(\/|$)/;
const REQUESTS = /^\/(requests|assets\/\{[^}]+\}\/requests)(\/|$)/;
const PRODUCTS = /^\/products(\/\{[^}]+\})?$/;
const LIST_ITEM = '^(/\\d+)?';

/**
 * Where the sandbox follows real Connect data (the fixtures it is seeded from)
 * against the spec, beyond the client's own list (`SPEC_DEVIATIONS` of
 * `@junction/connect-client/spec`: object `assignee`, `value_choices` objects…).
 * Both lists are passed to the validator. Keep it short; each entry says why.
 */
export const SANDBOX_DEVIATIONS: readonly SpecDeviation[] = [
  {
    method: 'GET',
    path: ASSETS,
    direction: 'response',
    location: 'body',
    pointer: new RegExp(`${LIST_ITEM}/params/\\d+$`),
    keyword: 'type',
    reason:
      'The spec types dp.Subscription `params` as an array of arrays; real assets (fixtures/ff-request.json asset.params) hold parameter objects.',
  },
  {
    method: '*',
    path: ASSETS_AND_REQUESTS,
    direction: 'response',
    location: 'body',
    pointer: new RegExp(`${LIST_ITEM}(/asset)?/items/\\d+/(quantity|old_quantity)$`),
    keyword: 'type',
    reason:
      'fixtures/ff-request.json: item `quantity`/`old_quantity` are strings ("0"), the spec says number.',
  },
  {
    method: '*',
    path: REQUESTS,
    direction: 'response',
    location: 'body',
    pointer: new RegExp(`${LIST_ITEM}/asset/status$`),
    keyword: 'enum',
    reason:
      'connect-api.md §4.1: assets are draft or terminating too; the enum of the asset embedded in requests omits both.',
  },
  {
    method: '*',
    path: PRODUCTS,
    direction: 'response',
    location: 'body',
    pointer: new RegExp(
      `${LIST_ITEM}/(purchase_model|external_id|extensions|capabilities/ppu|capabilities/tiers/configs/level)$`,
    ),
    reason:
      'fixtures/catalog.json (a real product): no `purchase_model`/`external_id`, `extensions` is an array, `capabilities.ppu` null and tier config `level` a number.',
  },
  {
    method: 'GET',
    path: /^\/subscriptions\/assets(\/|$)/,
    direction: 'response',
    location: 'body',
    pointer: new RegExp(`${LIST_ITEM}/(template|pending_request)$`),
    keyword: 'required',
    reason:
      'connect-api.md §4.1: `template` and `pending_request` are hidden unless selected (`select(...)`), though the spec lists them as required.',
  },
  {
    method: 'POST',
    path: /^\/usage\/files$/,
    direction: 'response',
    location: 'body',
    pointer: /^\/(vendor|provider|marketplace)$/,
    keyword: 'type',
    reason:
      'connect-api.md §4.9: a usage file embeds vendor/provider/marketplace objects (as GET /usage/files declares); the create answer in the spec says strings.',
  },
  {
    method: 'GET',
    path: /^\/products\/\{[^}]+\}(\/versions\/\{[^}]+\})?\/items(\/|$)/,
    direction: 'response',
    location: 'body',
    pointer: new RegExp(`${LIST_ITEM}/(parent|replacement)$`),
    keyword: 'required',
    reason:
      'Items that are not variants or replaced have no `parent`/`replacement` (no real sample; the sandbox does not invent empty objects).',
  },
  {
    method: '*',
    path: REQUESTS,
    direction: 'response',
    location: 'body',
    pointer: new RegExp(`${LIST_ITEM}/previous_approved_request$`),
    keyword: 'type',
    reason: 'connect-api.md §4.2: `previous_approved_request` is {id} or null.',
  },
  {
    method: '*',
    path: /^\/tier\/config-requests(\/\{[^}]+\}(\/submit)?)?$/,
    direction: 'response',
    location: 'body',
    pointer: new RegExp(
      `${LIST_ITEM}/(parent_configuration|previous_approved_request|assignee|template)$`,
    ),
    keyword: 'type',
    reason:
      'connect-api.md §4.7: a TCR without parent configuration, previous request, assignee or template has null there; the spec types them as objects.',
  },
  {
    method: '*',
    path: /^\/subscriptions\/requests(\/|$)/,
    direction: 'response',
    location: 'body',
    pointer: new RegExp(`${LIST_ITEM}/attributes$`),
    keyword: 'type',
    reason:
      'connect-api.md §4.3: billing request `attributes` is {vendor, provider} (what PUT …/attributes echoes); the list schema says array.',
  },
  {
    method: '*',
    path: /^\/(tier\/accounts|requests|assets|subscriptions\/assets)(\/|$)/,
    direction: 'response',
    location: 'body',
    pointer: /\/contact_info(\/contact)?\/[a-z_0-9]+$/,
    keyword: 'required',
    reason:
      'Sandbox leniency: tier accounts created by POST /tier/accounts or a purchase keep the partial contact_info the client sent (Connect would insist on a full address).',
  },
  {
    method: 'GET',
    path: /^\/tier\/configs(\/|$)/,
    direction: 'response',
    location: 'body',
    pointer: new RegExp(`${LIST_ITEM}/tier_level$`),
    keyword: 'type',
    reason: 'fixtures/tcr-request.json, connect-api.md §4.6: `tier_level` is a number (1|2).',
  },
  {
    method: '*',
    path: /^\/helpdesk\/cases(\/|$)/,
    direction: 'response',
    location: 'body',
    pointer: new RegExp(`${LIST_ITEM}/rating$`),
    keyword: 'type',
    reason:
      'connect-api.md §4.13: the rating is the integer 1…5 that `close` takes (the spec says so for the request body) though the case schema types it as a string.',
  },
];
