import { randomId, usageChunkId, usageFileId, usageRecordId } from '../ids.ts';
import { arrayAt, isObject, type JsonObject, objectAt } from '../json.ts';
import { dateTime, usageFileRef, usageFileShape } from '../objects/usage-shape.ts';
import type { SandboxState } from '../store/state.ts';
import { createdUpdated, type SeedContext } from './context.ts';
import { fixtureObject } from './fixtures.ts';

const FILE_STATUSES = [
  'draft',
  'invalid',
  'ready',
  'pending',
  'pending',
  'accepted',
  'accepted',
  'closed',
  'rejected',
];
const HAS_RECORDS = new Set(['ready', 'pending', 'accepted', 'closed', 'rejected']);

/** Usage object counts to seed. */
export interface UsageCounts {
  files: number;
  records: number;
  chunks: number;
  reconciliations: number;
}

/**
 * Seeds usage files in every status, records for the processed ones (cloned
 * from usage-records-response.json), chunks for accepted/closed files and a
 * reconciliation per chunk when asked for.
 */
export function seedUsage(
  state: SandboxState,
  ctx: SeedContext,
  assets: JsonObject[],
  counts: UsageCounts,
): void {
  const recordBase = fixtureObject('usage-records-response');
  const active = assets.filter((a) => a['status'] === 'active');
  const recordsPerFile = Math.max(1, Math.round(counts.records / Math.max(1, counts.files * 0.6)));
  let records = 0;
  let chunks = 0;
  let reconciliations = 0;
  for (let i = 0; i < counts.files && active.length > 0; i += 1) {
    const asset = ctx.random.pick(active);
    const created = ctx.at(0.4 + (i / counts.files) * 0.55);
    const yearMonth = created.slice(0, 7);
    // Statuses in turn (not at random), so every stage is there at any scale ≥ 9.
    const status = FILE_STATUSES[i % FILE_STATUSES.length] ?? 'draft';
    const product = objectAt(asset, 'product');
    const file = usageFileShape({
      id: usageFileId(ctx.random, yearMonth),
      name: `Usage ${yearMonth} ${String(product['name'])}`,
      status,
      product,
      contract: ctx.contract,
      marketplace: objectAt(asset, 'marketplace'),
      vendor: ctx.vendor,
      provider: ctx.provider,
      created,
      createdBy: ctx.random.pick(ctx.users),
      period: { from: `${yearMonth}-01`, to: `${yearMonth}-28` },
    });
    const fileRecords = HAS_RECORDS.has(status) ? recordsPerFile : 0;
    file['stats'] = {
      uploaded: fileRecords,
      validated: fileRecords,
      pending: status === 'pending' ? fileRecords : 0,
      accepted: status === 'accepted' ? fileRecords : 0,
      closed: status === 'closed' ? fileRecords : 0,
      billed: 0,
    };
    file['records'] = {
      valid: fileRecords,
      invalid: status === 'invalid' ? 1 : 0,
      closed: status === 'closed' ? fileRecords : 0,
    };
    if (status === 'invalid') {
      file['error_detail'] = 'usage_records: row 2: asset not found.';
    }
    state.put('usage-report', file);
    const firstItem = arrayAt(asset, 'items').filter(isObject)[0] ?? {};
    const period = objectAt(file, 'period');
    for (let r = 0; r < fileRecords && records < counts.records; r += 1, records += 1) {
      const recordStatus =
        status === 'closed'
          ? 'closed'
          : status === 'accepted'
            ? 'approved'
            : status === 'rejected'
              ? 'rejected'
              : 'valid';
      state.put('usage-record', {
        ...recordBase,
        id: usageRecordId(ctx.random, yearMonth),
        start_date: dateTime(period['from']),
        end_date: dateTime(period['to']),
        product_id: product['id'] ?? '',
        item: {
          id: firstItem['global_id'] ?? '',
          local_id: firstItem['id'] ?? '',
          mpn: firstItem['mpn'] ?? '',
          name: firstItem['display_name'] ?? '',
        },
        asset: {
          id: asset['id'] ?? '',
          external_id: asset['external_id'] ?? '',
          external_uid: asset['external_uid'] ?? '',
          recon_id: String(r),
        },
        usage: ctx.random.int(1, 500),
        amount: 0,
        status: recordStatus,
        item_id: firstItem['global_id'] ?? '',
        asset_id: asset['id'] ?? '',
        usagefile: usageFileRef(file),
        usage_file: file['id'] ?? '',
        resource_local_id: firstItem['id'] ?? '',
        asset_external_id: asset['external_id'] ?? '',
        asset_external_uid: asset['external_uid'] ?? '',
        external_billing_id: status === 'closed' ? `BILL-${r}` : '',
        external_billing_note: '',
        created_time: created,
        usage_start_time: dateTime(period['from']),
      });
    }
    if ((status === 'accepted' || status === 'closed') && chunks < counts.chunks) {
      const chunk: JsonObject = {
        id: usageChunkId(String(file['id']), 1),
        status: status === 'closed' ? 'closed' : 'ready',
        outdated: false,
        usagefile: usageFileRef(file),
        binding: { hub: ctx.hub, external_id: '' },
        marketplace: file['marketplace'] ?? null,
        provider: ctx.provider,
        external_id: '',
        error: { detail: '' },
        stats: { records: fileRecords, amount: 0 },
        events: createdUpdated(created),
      };
      state.put('usage-chunk', chunk);
      chunks += 1;
      if (reconciliations < counts.reconciliations) {
        state.put('usage-reconciliation', {
          id: randomId(ctx.random, 'reconciliation'),
          status: 'processed',
          usagefile: usageFileRef(file),
          partusagefile: { id: chunk['id'] ?? '', provider: ctx.provider },
          binding: { hub: ctx.hub },
          error: { detail: '' },
          notes: { uploaded: '', processing: '' },
          events: createdUpdated(created),
        });
        reconciliations += 1;
      }
    }
  }
}
