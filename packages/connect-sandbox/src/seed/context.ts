import { randomId } from '../ids.ts';
import { type JsonObject, objectAt } from '../json.ts';
import type { Random } from '../random.ts';
import { fixtureObject } from './fixtures.ts';

/**
 * Shared reference objects every seeded object points at (hubs, marketplaces,
 * the connection, people) and a deterministic clock. Objects share these by
 * reference, which keeps a 100k-object seed small.
 */
export interface SeedContext {
  random: Random;
  account: JsonObject;
  vendor: JsonObject;
  provider: JsonObject;
  hub: JsonObject;
  marketplaces: JsonObject[];
  contract: JsonObject;
  users: JsonObject[];
  /** A timestamp `fraction` (0..1) of the way through the seeded period. */
  at(fraction: number): string;
}

// Seeded objects live between these dates so ordering by `created` is meaningful.
const START = Date.UTC(2023, 0, 2);
const END = Date.UTC(2025, 11, 20);

const FIRST_NAMES = ['Marc', 'Anna', 'Luis', 'Sofia', 'Tom', 'Mei', 'Olga', 'Ravi', 'Ines', 'Jon'];
const LAST_NAMES = ['Serrat', 'Novak', 'Garcia', 'Kim', 'Turner', 'Rossi', 'Berg', 'Shah', 'Lopez'];

/** Formats epoch milliseconds the way Connect does: `2020-11-23T14:18:17+00:00`. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** Builds the shared references from the request fixture's connection and marketplace. */
export function createSeedContext(random: Random): SeedContext {
  const request = fixtureObject('ff-request');
  const connection = objectAt(objectAt(request, 'asset'), 'connection');
  const users: JsonObject[] = [objectAt(request, 'assignee')];
  for (let i = 0; i < 5; i += 1) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    users.push({
      id: randomId(random, 'user'),
      name: `${first} ${last}`,
      email: `${first}.${last}@example.com`.toLowerCase(),
    });
  }
  const marketplace = objectAt(request, 'marketplace');
  return {
    random,
    account: fixtureObject('account'),
    vendor: objectAt(connection, 'vendor'),
    provider: objectAt(connection, 'provider'),
    hub: objectAt(connection, 'hub'),
    marketplaces: [
      marketplace,
      {
        id: randomId(random, 'marketplace'),
        name: 'EU Marketplace',
        icon: marketplace['icon'] ?? '',
      },
      {
        id: randomId(random, 'marketplace'),
        name: 'US Marketplace',
        icon: marketplace['icon'] ?? '',
      },
    ],
    contract: objectAt(request, 'contract'),
    users,
    at: (fraction) => formatTime(START + Math.floor((END - START) * fraction)),
  };
}

/** `{created:{at}, updated:{at}}` events. */
export function createdUpdated(created: string, updated: string = created): JsonObject {
  return { created: { at: created }, updated: { at: updated } };
}

/** A random uuid-looking string, deterministic from the PRNG. */
export function fakeUuid(random: Random): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random.next() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}
