import { type JsonObject, objectAt, stringAt } from '../json.ts';
import type { SandboxState } from '../store/state.ts';

/**
 * Keeps the asset's hidden `pending_request` (§4.1, shown with
 * `select(pending_request)`) pointing at its open request, and its `template`
 * at the last approved one.
 */
export function trackPendingRequest(state: SandboxState, request: JsonObject): void {
  const asset = state.get('asset', stringAt(objectAt(request, 'asset'), 'id'));
  if (asset === undefined) {
    return;
  }
  const status = stringAt(request, 'status');
  const open = !['approved', 'failed', 'revoked'].includes(status);
  const next: JsonObject = { ...asset };
  if (open) {
    next['pending_request'] = {
      id: request['id'] ?? '',
      type: request['type'] ?? '',
      status,
      template: request['template'] ?? null,
    };
  } else if (objectAt(asset, 'pending_request')['id'] === request['id']) {
    delete next['pending_request'];
  }
  if (status === 'approved' && request['template']) {
    const template = objectAt(request, 'template');
    next['template'] = { id: template['id'] ?? '', name: template['name'] ?? '' };
  }
  state.put('asset', next);
}
