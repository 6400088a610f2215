/**
 * @junction/connect-client — a typed CloudBlue Connect REST client with zero runtime
 * dependencies (platform fetch).
 */

export { ConnectAction } from './action.ts';
export {
  type ConnectClient,
  type ConnectClientOptions,
  type ConnectNamespace,
  createConnectClient,
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
} from './operations.ts';
export {
  type ContentRange,
  clampPageSize,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  parseContentRange,
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
