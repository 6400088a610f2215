import { randomId, requestId } from '../ids.ts';
import { isObject, type JsonObject, objectAt } from '../json.ts';
import { trackPendingRequest } from '../objects/request-pending.ts';
import { assetStatusAfterApproval, requestShape } from '../objects/request-shape.ts';
import type { SandboxState } from '../store/state.ts';
import type { SeededProduct } from './catalog.ts';
import { createdUpdated, fakeUuid, type SeedContext } from './context.ts';
import { fixtureObject } from './fixtures.ts';
import type { SeededTiers } from './tiers.ts';

const PURCHASE_OUTCOMES = [
  'approved',
  'approved',
  'approved',
  'approved',
  'approved',
  'approved',
  'pending',
  'pending',
  'inquiring',
  'failed',
  'draft',
];
const FOLLOW_UPS = ['change', 'change', 'change', 'adjustment', 'suspend', 'resume', 'cancel'];
const OPEN_STATUSES = ['pending', 'pending', 'inquiring', 'failed', 'scheduled', 'approved'];

/**
 * Fixed histories for assets 1…12 so every fresh sandbox has pending requests
 * of each type (twice; the second round with a parameter marked invalid, ready
 * for `inquire`). Each entry: the request types in order; the last is pending.
 */
const SCRIPTED: readonly (readonly string[])[] = [
  ['purchase'],
  ['purchase', 'change'],
  ['purchase', 'suspend'],
  ['purchase', 'suspend', 'resume'],
  ['purchase', 'cancel'],
  ['purchase', 'adjustment'],
];
const INVALID_VALUE = 'Please provide a valid value.';

/**
 * Seeds assets with a request history each: a purchase (mostly approved) and,
 * for active assets, follow-up requests, so asset and request statuses agree
 * (§4.1). Returns the seeded assets.
 */
export function seedFulfillment(
  state: SandboxState,
  ctx: SeedContext,
  products: SeededProduct[],
  tiers: SeededTiers,
  assetCount: number,
  requestCount: number,
): JsonObject[] {
  const connection = objectAt(objectAt(fixtureObject('ff-request'), 'asset'), 'connection');
  const assets: JsonObject[] = [];
  for (let i = 0; i < assetCount; i += 1) {
    const product = ctx.random.pick(products);
    const created = ctx.at(0.1 + (i / assetCount) * 0.85);
    const id = i === 0 ? 'AS-1895-0864-1238' : randomId(ctx.random, 'asset');
    const script =
      i >= 1 && i <= SCRIPTED.length * 2 ? SCRIPTED[(i - 1) % SCRIPTED.length] : undefined;
    const flagged = script !== undefined && i > SCRIPTED.length;
    const outcome =
      script === undefined
        ? ctx.random.pick(PURCHASE_OUTCOMES)
        : script.length === 1
          ? 'pending'
          : 'approved';
    let asset: JsonObject = {
      id,
      status:
        outcome === 'approved'
          ? 'active'
          : outcome === 'failed'
            ? 'terminated'
            : outcome === 'draft'
              ? 'draft'
              : 'processing',
      external_id: String(1_100_000 + i),
      external_uid: fakeUuid(ctx.random),
      product: product.ref,
      connection,
      events: createdUpdated(created),
      items: product.items.slice(0, ctx.random.int(1, product.items.length)).map((item) => {
        const quantity = String(ctx.random.int(1, 50));
        return { ...item, quantity, old_quantity: '0' };
      }),
      params: product.params.map((p) => ({
        ...p,
        value: p['type'] === 'email' ? `admin${i}@example.com` : `value-${i}`,
      })),
      tiers: tiersFor(ctx, tiers),
      configuration: { params: [] },
      marketplace: ctx.random.pick(ctx.marketplaces),
      contract: ctx.contract,
      billing: {
        period: { delta: 1, uom: 'monthly' },
        next_date: created,
        anniversary: { day: Number(created.slice(8, 10)) },
      },
    };
    // Follow-ups go to approved purchases only (about 55% of assets), so the
    // mean is scaled to land near the requested total.
    const followUpMean = Math.max(0, (requestCount - assetCount) / (assetCount * 0.55));
    const requestsHere =
      script !== undefined
        ? script.length
        : outcome === 'approved'
          ? 1 + ctx.random.int(0, Math.round(2 * followUpMean))
          : 1;

    const templates = product.templates;
    const purchase = requestShape({
      id: requestId(id, state.nextSequence(`PR:${id}`)),
      type: 'purchase',
      status: outcome,
      asset: {
        ...asset,
        status: outcome === 'approved' ? 'active' : (asset['status'] ?? 'processing'),
        ...(flagged && requestsHere === 1 ? { params: markFirstInvalid(asset) } : {}),
      },
      created,
      assignee: ctx.random.chance(0.6) ? ctx.random.pick(ctx.users) : '',
      template:
        outcome === 'approved'
          ? pickTemplate(templates, 'fulfillment')
          : outcome === 'inquiring'
            ? pickTemplate(templates, 'inquire')
            : null,
      reason: outcome === 'failed' ? 'Out of stock.' : '',
    });
    state.put('request', purchase);
    let last = purchase;
    for (let r = 1; r < requestsHere && asset['status'] !== 'terminated'; r += 1) {
      const final = r === requestsHere - 1;
      // Cancels only end a history, so most assets live on through their requests.
      const type =
        script?.[r] ??
        ctx.random.pick(
          FOLLOW_UPS.filter((t) =>
            asset['status'] === 'suspended'
              ? t === 'resume' || (t === 'cancel' && final)
              : t !== 'resume' && (t !== 'cancel' || final),
          ),
        );
      const status = !final ? 'approved' : script ? 'pending' : ctx.random.pick(OPEN_STATUSES);
      const at = ctx.at(0.1 + (i / assetCount) * 0.85 + r * 0.0001);
      const current = String(asset['status']);
      const next = status === 'approved' ? assetStatusAfterApproval(type, current) : current;
      asset = { ...asset, status: next, events: createdUpdated(created, at) };
      last = requestShape({
        id: requestId(id, state.nextSequence(`PR:${id}`)),
        type,
        status,
        asset: flagged && final ? { ...asset, params: markFirstInvalid(asset) } : asset,
        created: at,
        template: status === 'approved' ? pickTemplate(templates, 'fulfillment') : null,
        reason: status === 'failed' ? 'Rejected by vendor.' : '',
      });
      state.put('request', last);
    }
    state.put('asset', asset);
    trackPendingRequest(state, last);
    assets.push(state.get('asset', id) ?? asset);
  }
  return assets;
}

function tiersFor(ctx: SeedContext, tiers: SeededTiers): JsonObject {
  const result: JsonObject = {};
  if (tiers.customers.length > 0) {
    result['customer'] = ctx.random.pick(tiers.customers);
  }
  if (tiers.resellers.length > 0) {
    result['tier1'] = ctx.random.pick(tiers.resellers);
  }
  return result;
}

function pickTemplate(templates: JsonObject[], type: string): JsonObject | null {
  const template = templates.find((t) => t['type'] === type && t['scope'] === 'asset');
  return template
    ? {
        id: String(template['id']),
        name: String(template['name']),
        message: String(template['body']),
      }
    : null;
}

/** Seeds vendor/provider billing requests (`/subscriptions/requests`) for active assets. */
export function seedBillingRequests(
  state: SandboxState,
  ctx: SeedContext,
  assets: JsonObject[],
  count: number,
): void {
  const active = assets.filter((a) => a['status'] === 'active');
  for (let i = 0; i < count && active.length > 0; i += 1) {
    const asset = ctx.random.pick(active);
    const type = ctx.random.chance(0.5) ? 'vendor' : 'provider';
    const from = ctx.at(0.5 + (i / count) * 0.45);
    state.put('subscription-request', {
      id: `${type === 'vendor' ? 'BRV' : 'BRP'}-${String(asset['id']).slice(3)}-${String(i + 1).padStart(4, '0')}`,
      type,
      events: createdUpdated(from),
      asset: {
        id: asset['id'] ?? '',
        external_id: asset['external_id'] ?? '',
        external_uid: asset['external_uid'] ?? '',
        product: asset['product'] ?? null,
        billing: asset['billing'] ?? null,
      },
      items: asset['items'] ?? [],
      attributes: {
        vendor: { external_id: String(2_000 + i) },
        provider: { external_id: String(3_000 + i) },
      },
      period: { from, to: ctx.at(0.5 + (i / count) * 0.45 + 0.02), delta: 1, uom: 'monthly' },
    });
  }
}

/** The asset's parameters with the first one marked invalid (as a validation webhook would). */
function markFirstInvalid(asset: JsonObject): JsonObject[] {
  const params = Array.isArray(asset['params']) ? asset['params'] : [];
  return params
    .filter(isObject)
    .map((p, n) => (n === 0 ? { ...p, value_error: INVALID_VALUE } : p));
}
