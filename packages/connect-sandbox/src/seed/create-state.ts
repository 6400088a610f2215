import { Random } from '../random.ts';
import { createEmptyState, type SandboxState } from '../store/state.ts';
import { seedCatalog } from './catalog.ts';
import { createSeedContext } from './context.ts';
import { seedBillingRequests, seedFulfillment } from './fulfillment.ts';
import { seedCases } from './helpdesk.ts';
import { seedTierAccountRequests, seedTierAccounts, seedTierConfigs } from './tiers.ts';
import { seedUsage } from './usage.ts';

/** Seed used when none is given. */
export const DEFAULT_SEED = 1;
/** Approximate object count of the default sandbox: a few products, dozens of assets, hundreds of requests. */
export const DEFAULT_SCALE = 600;
/** Largest supported scale (benchmarks). */
export const MAX_SCALE = 100_000;

/** Options of `createSandboxState`. */
export interface SandboxStateOptions {
  seed?: number;
  /** Approximate number of seeded objects (default 600, max 100,000). */
  scale?: number;
}

// Share of the scale each family gets; sums to about 1.
const SHARES = {
  product: 0.005,
  tierAccount: 0.06,
  tierAccountRequest: 0.02,
  tierConfig: 0.04,
  tierConfigRequest: 0.06,
  asset: 0.12,
  request: 0.45,
  billingRequest: 0.02,
  usageFile: 0.03,
  usageRecord: 0.12,
  usageChunk: 0.02,
  usageReconciliation: 0.01,
  case: 0.03,
} as const;

/**
 * Builds a seeded sandbox. The same seed and scale always give the same
 * objects (ids, statuses, dates), so tests can rely on them.
 */
export function createSandboxState(options: SandboxStateOptions = {}): SandboxState {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = Math.min(MAX_SCALE, Math.max(0, Math.round(options.scale ?? DEFAULT_SCALE)));
  const state = createEmptyState(seed, scale);
  const ctx = createSeedContext(new Random(seed));
  const count = (share: number, min: number) => Math.max(min, Math.round(scale * share));
  state.put('account', ctx.account);
  const products = seedCatalog(state, ctx, count(SHARES.product, 3));
  const tiers = seedTierAccounts(state, ctx, count(SHARES.tierAccount, 3));
  seedTierAccountRequests(state, ctx, products, count(SHARES.tierAccountRequest, 2));
  seedTierConfigs(
    state,
    ctx,
    products,
    tiers,
    count(SHARES.tierConfig, 2),
    count(SHARES.tierConfigRequest, 3),
  );
  const assets = seedFulfillment(
    state,
    ctx,
    products,
    tiers,
    count(SHARES.asset, 3),
    count(SHARES.request, 5),
  );
  seedBillingRequests(state, ctx, assets, count(SHARES.billingRequest, 2));
  seedUsage(state, ctx, assets, {
    files: count(SHARES.usageFile, 9),
    records: count(SHARES.usageRecord, 10),
    chunks: count(SHARES.usageChunk, 2),
    reconciliations: count(SHARES.usageReconciliation, 1),
  });
  seedCases(state, ctx, products, count(SHARES.case, 5));
  return state;
}
