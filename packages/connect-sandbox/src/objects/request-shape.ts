import { type JsonObject, objectAt } from '../json.ts';

/** What differs between fulfillment requests; the rest of the shape is fixed. */
export interface RequestShapeInput {
  id: string;
  type: string;
  status: string;
  asset: JsonObject;
  created: string;
  updated?: string;
  assignee?: JsonObject | string;
  template?: JsonObject | null;
  reason?: string;
  note?: string;
}

/**
 * A fulfillment request as Connect serves it (ff-request.json): the asset is
 * embedded as a snapshot, `assignee` is `""` when nobody is assigned and
 * `activation_key` stays `''` until approval.
 */
export function requestShape(input: RequestShapeInput): JsonObject {
  const updated = input.updated ?? input.created;
  return {
    id: input.id,
    type: input.type,
    note: input.note ?? '',
    asset: { ...input.asset },
    reason: input.reason ?? '',
    status: input.status,
    created: input.created,
    updated,
    events: { created: { at: input.created }, updated: { at: updated } },
    // Absent until approved (the spec types it as a non-null string).
    ...(input.status === 'approved' ? { effective_date: updated } : {}),
    planned_date: null,
    answered: input.status !== 'pending' && input.status !== 'draft',
    assignee: input.assignee ?? '',
    activation_key:
      input.status === 'approved' && input.template
        ? `# ${String(input.template['name'] ?? '')}`
        : '',
    template: input.template ?? null,
    previous_approved_request: null,
    external_attributes: {},
    marketplace: objectAt(input.asset, 'marketplace'),
    contract: objectAt(input.asset, 'contract'),
  };
}

/** Asset status after a request of `type` is approved (§4.1). */
export function assetStatusAfterApproval(type: string, current: string): string {
  switch (type) {
    case 'purchase':
    case 'resume':
      return 'active';
    case 'suspend':
      return 'suspended';
    case 'cancel':
      return 'terminated';
    default:
      return current;
  }
}
