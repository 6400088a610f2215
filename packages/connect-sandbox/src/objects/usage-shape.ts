import type { JsonObject, JsonValue } from '../json.ts';

/** What differs between usage files; the rest follows §4.9. */
export interface UsageFileInput {
  id: string;
  name: string;
  status: string;
  product: JsonObject;
  contract: JsonObject;
  marketplace: JsonObject;
  vendor: JsonObject;
  provider: JsonObject;
  created: string;
  createdBy: JsonObject;
  period: { from: string; to: string };
  currency?: string;
  description?: string;
  note?: string;
  externalId?: string;
}

/** A usage file (usage report) with zeroed stats, as created in `draft`. */
export function usageFileShape(input: UsageFileInput): JsonObject {
  return {
    id: input.id,
    name: input.name,
    description: input.description ?? '',
    note: input.note ?? '',
    external_id: input.externalId ?? '',
    status: input.status,
    sub_status: null,
    vendor: input.vendor,
    provider: input.provider,
    environment: 'production',
    marketplace: input.marketplace,
    contract: input.contract,
    product: input.product,
    error_detail: '',
    acceptance_note: '',
    rejection_note: '',
    schema: 'qt',
    currency: input.currency ?? 'USD',
    period: { from: input.period.from, to: input.period.to },
    stats: { uploaded: 0, validated: 0, pending: 0, accepted: 0, closed: 0, billed: 0 },
    records: { valid: 0, invalid: 0, closed: 0 },
    usage_file_uri: '',
    processed_file_uri: '',
    reconciliation_file_uri: '',
    events: { created: { at: input.created, by: input.createdBy } },
  };
}

/** `{id, name, schema, currency}` reference embedded in records and chunks. */
export function usageFileRef(file: JsonObject): JsonObject {
  return {
    id: file['id'] ?? '',
    name: file['name'] ?? '',
    schema: file['schema'] ?? 'qt',
    currency: file['currency'] ?? 'USD',
  };
}

/** A usage file period date (`2025-01-31`) as the date-time records carry; null when absent. */
export function dateTime(date: JsonValue | undefined): string | null {
  if (typeof date !== 'string' || date === '') {
    return null;
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00+00:00` : date;
}
