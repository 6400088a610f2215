import { randomId } from '../ids.ts';
import { arrayAt, isObject, type JsonObject, objectAt } from '../json.ts';
import type { SandboxState } from '../store/state.ts';
import { createdUpdated, type SeedContext } from './context.ts';
import { fixtureObject } from './fixtures.ts';

const PRODUCT_NAMES = [
  'Cloud Backup',
  'Office Suite',
  'Secure Mail',
  'VPS Hosting',
  'CRM Pro',
  'Video Meetings',
  'Antivirus Plus',
  'Data Lake',
];

/** A seeded product with the pieces other generators need. */
export interface SeededProduct {
  product: JsonObject;
  /** Compact reference `{id, icon, name, status}` embedded in assets and requests. */
  ref: JsonObject;
  items: JsonObject[];
  params: JsonObject[];
  templates: JsonObject[];
}

/**
 * Seeds products cloned from the catalog fixture (the first keeps its real id),
 * each with items and parameters taken from the request fixture and a set of
 * asset and tier templates, so approve/inquire have template ids to use.
 */
export function seedCatalog(state: SandboxState, ctx: SeedContext, count: number): SeededProduct[] {
  const base = fixtureObject('catalog');
  const requestAsset = objectAt(fixtureObject('ff-request'), 'asset');
  const fixtureItems = arrayAt(requestAsset, 'items').filter(isObject);
  const fixtureParams = arrayAt(requestAsset, 'params').filter(isObject);
  const products: SeededProduct[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = i === 0 ? String(base['id']) : randomId(ctx.random, 'product');
    const created = ctx.at((i / count) * 0.05);
    const name = i === 0 ? String(base['name']) : `${ctx.random.pick(PRODUCT_NAMES)} ${i}`;
    const product: JsonObject = {
      ...base,
      id,
      name,
      status: i % 7 === 6 ? 'endofsale' : 'published',
      owner: { id: String(ctx.vendor['id']), name: String(ctx.vendor['name']) },
      events: { created: { at: created }, updated: { at: created } },
      published_at: created,
    };
    const ref: JsonObject = {
      id,
      icon: product['icon'] ?? '',
      name,
      status: product['status'] ?? '',
    };
    state.put('product', product);
    const items = seedItems(state, id, fixtureItems, created);
    const params: JsonObject[] = fixtureParams
      .slice(0, 6)
      .map((p) => ({ ...p, value: '', value_error: '' }));
    for (const [n, p] of params.entries()) {
      state.put('parameter', {
        ...p,
        id: `PRM-${id.slice(4)}-${String(n + 1).padStart(4, '0')}`,
        name: p['name'] ?? p['id'] ?? '',
        product: { id },
      });
    }
    products.push({
      product,
      ref,
      items,
      params,
      templates: seedTemplates(state, ctx, id, created),
    });
  }
  return products;
}

function seedItems(
  state: SandboxState,
  productId: string,
  fixtureItems: JsonObject[],
  created: string,
): JsonObject[] {
  const digits = productId.slice(4);
  const items: JsonObject[] = [];
  for (const [n, item] of fixtureItems.slice(0, 4).entries()) {
    const seq = String(n + 1).padStart(4, '0');
    const global = `PRD-${digits}-${seq}`;
    const entry: JsonObject = {
      id: global.replace(/-/g, '_'),
      global_id: global,
      mpn: `MPN-${digits}-${seq}`,
      type: item['type'] ?? 'Units',
      display_name: item['display_name'] ?? `Item ${seq}`,
      period: item['period'] ?? 'Monthly',
      item_type: item['item_type'] ?? 'Reservation',
    };
    items.push(entry);
    state.put('item', {
      id: global,
      name: String(entry['display_name']),
      local_id: String(entry['id']),
      mpn: String(entry['mpn']),
      status: 'published',
      type: String(entry['item_type']).toLowerCase(),
      period: String(entry['period']).toLowerCase(),
      display_name: String(entry['display_name']),
      external_id: String(n + 1),
      end_of_sale_notes: '',
      group: { id: `PRDG-${digits}-default`, name: 'Default', mpn: 'default' },
      unit: { id: 'unit', name: 'Units', title: 'Units', unit: 'unit' },
      precision: 'integer',
      product: { id: productId },
      events: createdUpdated(created),
    });
  }
  return items;
}

const TEMPLATE_KINDS = [
  { type: 'fulfillment', scope: 'asset', name: 'Default Activation Template' },
  {
    type: 'inquire',
    scope: 'asset',
    name: 'Additional information is required to process your request',
  },
  { type: 'pending', scope: 'asset', name: 'Your request is being processed' },
  { type: 'fulfillment', scope: 'tier1', name: 'Tier 1 Activation Template' },
  { type: 'inquire', scope: 'tier1', name: 'Tier 1 inquiry' },
] as const;

function seedTemplates(
  state: SandboxState,
  ctx: SeedContext,
  productId: string,
  created: string,
): JsonObject[] {
  return TEMPLATE_KINDS.map((kind, position) => {
    const template: JsonObject = {
      id: randomId(ctx.random, 'template'),
      title: kind.name,
      name: kind.name,
      body: `# ${kind.name}\n\nThank you for your order.`,
      scope: kind.scope,
      type: kind.type,
      position: position + 1,
      product: { id: productId },
      events: createdUpdated(created),
    };
    state.put('template', template);
    return template;
  });
}
