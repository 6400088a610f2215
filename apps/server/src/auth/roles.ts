/** What a token may do; each role includes everything the roles before it may. */
export const ROLES = ['viewer', 'operator', 'builder', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an action needs: `read` anything visible, `operate` runs (execute,
 * cancel), `build` change processes, connections, environments and deployments,
 * `admin` accounts and tokens.
 */
export type Permission = 'read' | 'operate' | 'build' | 'admin';

const NEEDS: Record<Permission, Role> = {
  read: 'viewer',
  operate: 'operator',
  build: 'builder',
  admin: 'admin',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(NEEDS[permission]);
}

/** A token may only hand out what it holds itself. */
export function roleCovers(holder: Role, granted: Role): boolean {
  return ROLES.indexOf(holder) >= ROLES.indexOf(granted);
}

/** Who is calling: the account a token (or the install) belongs to and its role. */
export interface Caller {
  /** The account the credentials belong to: the root of what they may reach. */
  homeAccountId: string;
  /** The account this request acts on (home, or one below it chosen by the client). */
  accountId: string;
  role: Role;
  /** A platform token's id; undefined for the install's own access (no token, access token). */
  tokenId: string | undefined;
}
