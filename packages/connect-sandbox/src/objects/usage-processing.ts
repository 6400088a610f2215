import { usageRecordId } from '../ids.ts';
import { arrayAt, isObject, type JsonObject, objectAt, stringAt } from '../json.ts';
import type { SandboxState } from '../store/state.ts';
import { dateTime, usageFileRef } from './usage-shape.ts';

/** How long an uploaded usage file stays in `processing` before it becomes `ready` (or `invalid`). */
export const PROCESSING_DELAY_MS = 20;

const RECORDS_PER_UPLOAD = 3;

/**
 * Finishes processing a usage file shortly after upload, as Connect does
 * asynchronously: an empty file becomes `invalid`, anything else `ready` with
 * a few `valid` records for an asset of the file's product. The spreadsheet
 * itself is not parsed.
 */
export function finishProcessing(state: SandboxState, fileId: string, valid: boolean): void {
  const timer = setTimeout(() => {
    const file = state.get('usage-report', fileId);
    if (file === undefined || file['status'] !== 'processing') {
      return;
    }
    if (!valid) {
      state.put('usage-report', {
        ...file,
        status: 'invalid',
        sub_status: 'processed',
        error_detail: 'usage_file: The uploaded file is empty.',
      });
      return;
    }
    createRecords(state, file);
    const count = state
      .all('usage-record')
      .filter((r) => objectAt(r, 'usagefile')['id'] === fileId).length;
    state.put('usage-report', {
      ...file,
      status: 'ready',
      sub_status: 'processed',
      error_detail: '',
      processed_file_uri: `${stringAt(file, 'usage_file_uri')}.processed`,
      stats: { uploaded: count, validated: count, pending: 0, accepted: 0, closed: 0, billed: 0 },
      records: { valid: count, invalid: 0, closed: 0 },
    });
  }, PROCESSING_DELAY_MS);
  timer.unref();
}

function createRecords(state: SandboxState, file: JsonObject): void {
  const fileId = stringAt(file, 'id');
  if (state.all('usage-record').some((r) => objectAt(r, 'usagefile')['id'] === fileId)) {
    return;
  }
  const productId = stringAt(objectAt(file, 'product'), 'id');
  const asset = state
    .all('asset')
    .find((a) => a['status'] === 'active' && objectAt(a, 'product')['id'] === productId);
  const item = asset ? (arrayAt(asset, 'items').filter(isObject)[0] ?? {}) : {};
  const period = objectAt(file, 'period');
  for (let i = 0; i < RECORDS_PER_UPLOAD; i += 1) {
    state.put('usage-record', {
      id: usageRecordId(state.random, stringAt(file, 'id').slice(3, 10)),
      start_date: dateTime(period['from']),
      end_date: dateTime(period['to']),
      product_id: productId,
      item: {
        id: item['global_id'] ?? '',
        local_id: item['id'] ?? '',
        mpn: item['mpn'] ?? '',
        name: item['display_name'] ?? '',
      },
      asset: {
        id: asset?.['id'] ?? '',
        external_id: asset?.['external_id'] ?? '',
        external_uid: asset?.['external_uid'] ?? '',
      },
      category: { id: 'compute', name: 'compute' },
      tier: 0,
      amount: 0,
      multiplier: 1,
      usage: 10 * (i + 1),
      status: 'valid',
      params: [],
      item_id: item['global_id'] ?? '',
      asset_id: asset?.['id'] ?? '',
      usagefile: usageFileRef(file),
      usage_file: fileId,
      external_billing_id: '',
      external_billing_note: '',
      created_time: state.now(),
      usage_start_time: dateTime(period['from']),
    });
  }
}

/** Moves every open record of a usage file to `status` (accept → approved, close → closed, …). */
export function setRecordsStatus(state: SandboxState, fileId: string, status: string): void {
  for (const record of state.all('usage-record')) {
    if (objectAt(record, 'usagefile')['id'] === fileId && record['status'] !== 'closed') {
      state.put('usage-record', {
        ...record,
        status,
        ...(status === 'closed' ? { closed_at: state.now() } : {}),
      });
    }
  }
}
