import { randomId, tierAccountRequestId, tierConfigRequestId } from '../ids.ts';
import { arrayAt, isObject, type JsonObject, objectAt } from '../json.ts';
import type { SandboxState } from '../store/state.ts';
import type { SeededProduct } from './catalog.ts';
import { createdUpdated, fakeUuid, type SeedContext } from './context.ts';
import { fixtureObject } from './fixtures.ts';

const COMPANIES = [
  'Abbott and Sons',
  'Mayer-Kerluke',
  'Konkelectrics',
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark',
  'Wayne',
];
const SUFFIXES = ['Ltd', 'Inc', 'GmbH', 'SL', 'LLC'];
const TAR_STATUSES = ['pending', 'accepted', 'pending', 'ignored'];
/** Last-request status of configurations still in processing, in turn. */
const OPEN_TCR_STATUSES = ['pending', 'draft', 'pending', 'inquiring', 'pending', 'tiers_setup'];
const INVALID_VALUE = 'Please provide a valid value.';

/** Seeded tier accounts split by role, as `{id, external_id, external_uid, name, tax_id, contact_info}` refs. */
export interface SeededTiers {
  customers: JsonObject[];
  resellers: JsonObject[];
}

/** The compact tier reference assets and requests embed. */
export function tierRef(account: JsonObject): JsonObject {
  const { id, external_id, external_uid, name, tax_id, contact_info } = account;
  return {
    id: id ?? '',
    external_id: external_id ?? '',
    external_uid: external_uid ?? '',
    name: name ?? '',
    tax_id: tax_id ?? '',
    contact_info: contact_info ?? null,
  };
}

/** Seeds tier accounts (cloned from ta-account.json) with their version history. */
export function seedTierAccounts(
  state: SandboxState,
  ctx: SeedContext,
  count: number,
): SeededTiers {
  const base = fixtureObject('ta-account');
  const tiers: SeededTiers = { customers: [], resellers: [] };
  for (let i = 0; i < count; i += 1) {
    const reseller = i % 3 === 0;
    const created = ctx.at((i / count) * 0.3);
    const name = `${ctx.random.pick(COMPANIES)} ${ctx.random.pick(SUFFIXES)} ${i + 1}`;
    const contact = objectAt(objectAt(base, 'contact_info'), 'contact');
    const account: JsonObject = {
      ...base,
      id: i === 0 ? String(base['id']) : randomId(ctx.random, 'tierAccount'),
      name,
      type: reseller ? 'reseller' : 'customer',
      db: 'EU',
      external_id: String(1_000_000 + i),
      external_uid: fakeUuid(ctx.random),
      scopes: reseller ? ['tier1'] : ['customer'],
      owner: { id: String(ctx.provider['id']), name: String(ctx.provider['name']) },
      hub: ctx.hub,
      marketplace: ctx.random.pick(ctx.marketplaces),
      events: createdUpdated(created),
      contact_info: {
        ...objectAt(base, 'contact_info'),
        contact: {
          ...contact,
          email: `contact${i + 1}@${name.split(' ')[0]?.toLowerCase() ?? 'acme'}.example.com`,
        },
      },
      version: ctx.random.int(1, 3),
    };
    state.put('tier-account', account);
    for (let v = 1; v <= Number(account['version']); v += 1) {
      state.put('tier-account-version', {
        id: `${String(account['id'])}:${v}`,
        account: { ...account, version: v },
      });
    }
    (reseller ? tiers.resellers : tiers.customers).push(tierRef(account));
  }
  return tiers;
}

/** Seeds tier account requests (`update`, mostly pending) for random accounts. */
export function seedTierAccountRequests(
  state: SandboxState,
  ctx: SeedContext,
  products: SeededProduct[],
  count: number,
): void {
  const accounts = state.all('tier-account');
  for (let i = 0; i < count && accounts.length > 0; i += 1) {
    const account = ctx.random.pick(accounts);
    const id = String(account['id']);
    const status = TAR_STATUSES[i % TAR_STATUSES.length] ?? 'pending';
    state.put('tier-account-request', {
      id: tierAccountRequestId(id, Number(account['version']), state.nextSequence(`TAR:${id}`)),
      type: 'update',
      status,
      account,
      vendor: ctx.vendor,
      provider: ctx.provider,
      product: ctx.random.pick(products).ref,
      reason: status === 'ignored' ? 'Not relevant for this product.' : '',
      events: createdUpdated(ctx.at(0.3 + (i / count) * 0.7)),
    });
  }
}

/** Seeds tier configs and their requests, cloned from tcr-request.json. */
export function seedTierConfigs(
  state: SandboxState,
  ctx: SeedContext,
  products: SeededProduct[],
  tiers: SeededTiers,
  configCount: number,
  requestCount: number,
): void {
  const fixture = fixtureObject('tcr-request');
  const baseConfig = objectAt(fixture, 'configuration');
  const params = arrayAt(fixture, 'params').filter(isObject);
  const pool = tiers.resellers.length > 0 ? tiers.resellers : tiers.customers;
  let remaining = requestCount;
  for (let i = 0; i < configCount && pool.length > 0; i += 1) {
    const account = ctx.random.pick(pool);
    const product = ctx.random.pick(products);
    // Every other configuration has an open request (rotating through OPEN_TCR_STATUSES).
    const processing = i % 2 === 1;
    const turn = Math.floor(i / 2) % OPEN_TCR_STATUSES.length;
    const openStatus = OPEN_TCR_STATUSES[turn] ?? 'pending';
    const created = ctx.at(0.3 + (i / configCount) * 0.6);
    const config: JsonObject = {
      ...baseConfig,
      id: randomId(ctx.random, 'tierConfig'),
      name: `Configuration of ${String(account['id'])}`,
      account,
      product: product.ref,
      tier_level: 1,
      events: createdUpdated(created),
      params,
      template: product.templates[3]
        ? { id: String(product.templates[3]['id']), name: String(product.templates[3]['name']) }
        : null,
      status: processing ? 'processing' : 'active',
      marketplace: ctx.random.pick(ctx.marketplaces),
      contract: ctx.contract,
    };
    delete config['open_request'];
    const perConfig =
      i === configCount - 1
        ? Math.max(1, remaining)
        : Math.max(1, Math.round(requestCount / configCount));
    for (let r = 0; r < perConfig; r += 1) {
      const last = r === perConfig - 1;
      const status =
        last && processing
          ? openStatus
          : r > 0 && last
            ? ctx.random.pick(['approved', 'failed', 'pending'])
            : 'approved';
      const requestId = tierConfigRequestId(
        String(config['id']),
        state.nextSequence(`TCR:${String(config['id'])}`),
      );
      const open = ['pending', 'inquiring', 'tiers_setup', 'draft'].includes(status);
      if (open) {
        config['open_request'] = { id: requestId };
      }
      // The second pending one of each rotation has a parameter marked invalid, ready for `inquire`.
      const flagged = processing && last && turn === 2;
      state.put('tier-config-request', {
        id: requestId,
        type: r === 0 ? 'setup' : 'update',
        status,
        configuration: config,
        params: flagged
          ? params.map((p, n) => (n === 0 ? { ...p, value_error: INVALID_VALUE } : p))
          : params,
        parent_configuration: null,
        previous_approved_request: null,
        assignee: ctx.random.chance(0.5) ? ctx.random.pick(ctx.users) : null,
        template: status === 'approved' ? (config['template'] ?? null) : null,
        activation: { link: '' },
        notes: '',
        reason: status === 'failed' ? 'Missing reseller data.' : '',
        environment: 'production',
        ...(status === 'approved' ? { effective_date: created } : {}),
        tiers: { tier1: account },
        events: createdUpdated(created),
      });
      remaining -= 1;
    }
    state.put('tier-config', config);
  }
}
