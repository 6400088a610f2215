/**
 * Object types derived from the generated OpenAPI types (never hand-written copies). Where the
 * spec inlines a schema (e.g. the fulfillment request), the type is read from the operation's
 * 200 response.
 */

import type { components, operations } from './generated/connect-api.gen.ts';

type Schemas = components['schemas'];

/** The JSON body of an operation's 200 response. */
export type ConnectResponseBody<Op extends keyof operations> = operations[Op]['responses'] extends {
  200: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** `/assets/{id}` (vendor/provider view of a subscription). */
export type Asset = Schemas['dp.Subscription'];
/** `/subscriptions/assets/{id}`. */
export type SubscriptionAsset = Schemas['subscriptions.Subscription'];
/** `/requests/{id}` — a fulfillment request. */
export type FulfillmentRequest = ConnectResponseBody<'dp_request_detail_retrieveRequest'>;
/** `/subscriptions/requests/{id}` — a billing request. */
export type SubscriptionRequest = Schemas['subscriptions.BillingRequest'];
/** `/tier/accounts/{id}`. */
export type TierAccount = Schemas['dp.TierAccountDetail'];
/** `/tier/accounts/{account_id}/versions/{version}`. */
export type TierAccountVersion = Schemas['dp.TierAccountVersion'];
/** `/tier/account-requests/{id}`. */
export type TierAccountRequest = Schemas['dp.TierAccountRequest'];
/** `/tier/configs/{id}`. */
export type TierConfig = Schemas['dp.TierConfigurationDetail'];
/** `/tier/config-requests/{id}`. */
export type TierConfigRequest = Schemas['dp.TierConfigRequestRead'];
/** `/products/{id}`. */
export type Product = Schemas['dp.Product'];
/** `/usage/files/{id}` — a usage report. */
export type UsageFile = Schemas['usage.UsageFileDetail'];
/** `/usage/records/{id}`. */
export type UsageRecord = Schemas['usage.UsageRecord'];
/** `/usage/chunks/{id}` — a part usage file. */
export type UsageChunk = Schemas['usage.PartUsageFile'];
/** `/usage/reconciliations/{id}`. */
export type UsageReconciliation = Schemas['usage.Reconciliation'];
/** `/helpdesk/cases/{id}`. */
export type HelpdeskCase = Schemas['helpdesk.Case'];

export type {
  components as ConnectComponents,
  operations as ConnectOperations,
  paths as ConnectPaths,
} from './generated/connect-api.gen.ts';
