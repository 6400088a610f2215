/** Every stored object family. Names follow the connector catalog where one exists. */
export const COLLECTION_NAMES = [
  'account',
  'product',
  'template',
  'item',
  'parameter',
  'asset',
  'request',
  'subscription-request',
  'tier-account',
  'tier-account-version',
  'tier-account-request',
  'tier-config',
  'tier-config-request',
  'usage-report',
  'usage-record',
  'usage-chunk',
  'usage-reconciliation',
  'case',
  'conversation',
  'message',
  'webhook',
] as const;

/** A stored object family. */
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** Narrows a string to a collection name. */
export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}
