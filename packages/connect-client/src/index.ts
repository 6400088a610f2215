/**
 * @junction/connect-client — a typed CloudBlue Connect REST client on the platform fetch;
 * its one runtime dependency, jose, signs and verifies webhook tokens.
 */

export { ConnectAction } from './action.ts';
export {
  type ConnectClient,
  type ConnectClientOptions,
  type ConnectNamespace,
  createConnectClient,
  DEFAULT_MAX_BODY_BYTES,
  defaultUserAgent,
  toAuthorizationHeader,
} from './client.ts';
export { mapWithConcurrency } from './concurrency.ts';
export {
  ConnectAbortError,
  ConnectApiError,
  ConnectError,
  ConnectNetworkError,
  ConnectOperationError,
  type ConnectOperationErrorCode,
  ConnectResponseTooLargeError,
  ConnectTimeoutError,
  isConnectError,
} from './errors.ts';
export { ConnectCollection, ConnectResource } from './fluent-api.ts';
export {
  CONNECT_OPERATIONS,
  type ConnectBodyKind,
  type ConnectFileUpload,
  type ConnectOperationRequest,
  type ConnectOperationResult,
  type ConnectOperationSpec,
  executeConnectOperation,
  getConnectOperation,
  listConnectPages,
} from './operations.ts';
export {
  type ContentRange,
  clampPageSize,
  DEFAULT_PAGE_SIZE,
  isEmptyJsonArray,
  MAX_PAGE_SIZE,
  parseContentRange,
  type RawPage,
} from './pagination.ts';
export type { ListOptions, RequestOptions } from './resource-context.ts';
export { DEFAULT_RETRY_OPTIONS, type RetryOptions, type SleepFunction } from './retry.ts';
export {
  encodeRqlForUrl,
  formatRqlValue,
  isRqlField,
  R,
  type RqlConstant,
  type RqlExpression,
  type RqlValue,
} from './rql.ts';
export type { HttpMethod, TransportRequest, TransportResponse } from './transport.ts';
export type {
  Asset,
  ConnectComponents,
  ConnectOperations,
  ConnectPaths,
  ConnectResponseBody,
  FulfillmentRequest,
  HelpdeskCase,
  Product,
  SubscriptionAsset,
  SubscriptionRequest,
  TierAccount,
  TierAccountRequest,
  TierAccountVersion,
  TierConfig,
  TierConfigRequest,
  UsageChunk,
  UsageFile,
  UsageReconciliation,
  UsageRecord,
} from './types.ts';
export {
  type ConnectWebhook,
  type RegisterWebhookOptions,
  registerWebhook,
} from './webhooks/register-webhook.ts';
export {
  ConnectWebhookError,
  type ConnectWebhookErrorCode,
  ConnectWebhookPayloadError,
} from './webhooks/webhook-errors.ts';
export {
  CONNECT_WEBHOOK_OBJECT_CLASSES,
  CONNECT_WEBHOOK_OBJECTS,
  type ConnectWebhookDocument,
  type ConnectWebhookEvent,
  type ConnectWebhookEventType,
  type ConnectWebhookObject,
  type ConnectWebhookObjectClass,
  type ConnectWebhookPayload,
  WEBHOOK_PROPERTIES,
  webhookDocument,
} from './webhooks/webhook-payload.ts';
export {
  bodyDigest,
  type ConnectWebhookClaims,
  DEFAULT_WEBHOOK_CLOCK_TOLERANCE_SECONDS,
  DEFAULT_WEBHOOK_TOKEN_TTL_SECONDS,
  type SignConnectWebhookInput,
  signConnectWebhook,
  type VerifiedConnectWebhook,
  type VerifyConnectWebhookOptions,
  verifyConnectWebhook,
  WEBHOOK_TOKEN_ALGORITHM,
  WEBHOOK_TOKEN_HEADERS,
  type WebhookHeaders,
} from './webhooks/webhook-token.ts';
