import type { Random } from './random.ts';

// Id shapes from connect-api.md §4.14: prefix plus groups of digits.
const GROUPS = {
  asset: ['AS', [4, 4, 4]],
  product: ['PRD', [3, 3, 3]],
  template: ['TL', [3, 3, 3]],
  parameter: ['PRM', [3, 3, 3]],
  tierAccount: ['TA', [4, 4, 4]],
  tierConfig: ['TC', [3, 3, 3]],
  connection: ['CT', [4, 4]],
  hub: ['HB', [4, 4]],
  marketplace: ['MP', [5]],
  contract: ['CRD', [5, 5, 5]],
  vendor: ['VA', [3, 3]],
  provider: ['PA', [3, 3]],
  user: ['UR', [3, 3, 3]],
  case: ['CA', [3, 3, 3]],
  conversation: ['CO', [3, 3, 3]],
  message: ['ME', [3, 3, 3]],
  billingRequest: ['BRV', [4, 4, 4, 4]],
  reconciliation: ['URC', [4, 4, 4]],
  // Inferred: Connect's webhook ids are not in any public fixture.
  webhook: ['WH', [3, 3, 3]],
} as const satisfies Record<string, readonly [string, readonly number[]]>;

/** An id family with a fixed `PREFIX-ddd-ddd` shape. */
export type IdKind = keyof typeof GROUPS;

/** A fresh random id of the given family, e.g. `AS-1895-0864-1238`. */
export function randomId(random: Random, kind: IdKind): string {
  const [prefix, groups] = GROUPS[kind];
  return [prefix, ...groups.map((n) => random.digits(n))].join('-');
}

/** The digits of an id without its prefix: `AS-1895-0864-1238` → `1895-0864-1238`. */
export function idDigits(id: string): string {
  return id.slice(id.indexOf('-') + 1);
}

/** A request id derived from its asset: `AS-1895-0864-1238` + 1 → `PR-1895-0864-1238-001`. */
export function requestId(assetId: string, sequence: number): string {
  return `PR-${idDigits(assetId)}-${String(sequence).padStart(3, '0')}`;
}

/** A TCR id derived from its tier config: `TC-228-098-338` + 1 → `TCR-228-098-338-001`. */
export function tierConfigRequestId(configId: string, sequence: number): string {
  return `TCR-${idDigits(configId)}-${String(sequence).padStart(3, '0')}`;
}

/** A tier account request id: `TA-6458-9737-0065` + v4 + 1 → `TAR-6458-9737-0065-004-001`. */
export function tierAccountRequestId(accountId: string, version: number, sequence: number): string {
  const v = String(version).padStart(3, '0');
  return `TAR-${idDigits(accountId)}-${v}-${String(sequence).padStart(3, '0')}`;
}

/** A usage file id with its year-month: `UF-2021-01-3453-7567`. */
export function usageFileId(random: Random, yearMonth: string): string {
  return `UF-${yearMonth}-${random.digits(4)}-${random.digits(4)}`;
}

/** A usage record id: `UR-2021-01-2023-8696-9408-6767`. */
export function usageRecordId(random: Random, yearMonth: string): string {
  return `UR-${yearMonth}-${random.digits(4)}-${random.digits(4)}-${random.digits(4)}-${random.digits(4)}`;
}

/** A usage chunk id derived from its usage file: `UFC-2021-01-3453-7567-001`. */
export function usageChunkId(usageFileIdValue: string, sequence: number): string {
  return `UFC-${idDigits(usageFileIdValue)}-${String(sequence).padStart(3, '0')}`;
}
