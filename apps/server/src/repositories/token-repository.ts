import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Role } from '../auth/roles.ts';
import type { Database } from '../db/database.ts';

export const TOKEN_PREFIX = 'jct_';

export interface TokenView {
  id: string;
  accountId: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface TokenRow {
  account_id: string;
  id: string;
  name: string;
  role: Role;
  token_hash: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function toTokenView(row: TokenRow): TokenView {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    role: row.role,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

export const TOKEN_COLUMNS =
  'account_id, id, name, role, token_hash, created_at, last_used_at, revoked_at';

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Platform API tokens. Only a SHA-256 hash is stored: the token itself is shown
 * once, when it is created, and cannot be read back.
 */
export function createTokenRepository(db: Database) {
  return {
    async create(
      accountId: string,
      input: { name: string; role: Role },
    ): Promise<{ token: string; view: TokenView }> {
      const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const [row] = await db.query<TokenRow>(
        `INSERT INTO api_tokens (account_id, id, name, role, token_hash) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${TOKEN_COLUMNS}`,
        [accountId, randomUUID(), input.name, input.role, hashOf(token)],
      );
      return { token, view: toTokenView(row!) };
    },

    /** The live token's owner and role; null for unknown, revoked or deleted-account tokens. */
    async resolve(token: string): Promise<TokenView | null> {
      if (!token.startsWith(TOKEN_PREFIX)) {
        return null;
      }
      const hash = hashOf(token);
      const [row] = await db.query<TokenRow>(
        `SELECT ${TOKEN_COLUMNS.split(', ')
          .map((c) => `t.${c}`)
          .join(', ')} FROM api_tokens t JOIN accounts a ON a.id = t.account_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND a.status = 'active'`,
        [hash],
      );
      // The index found the row; compare again in constant time so equality is not timed.
      if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) {
        return null;
      }
      await db.query(
        'UPDATE api_tokens SET last_used_at = now() WHERE account_id = $1 AND id = $2',
        [row.account_id, row.id],
      );
      return toTokenView(row);
    },

    async get(accountId: string, id: string): Promise<TokenView | null> {
      const [row] = await db.query<TokenRow>(
        `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE account_id = $1 AND id = $2`,
        [accountId, id],
      );
      return row ? toTokenView(row) : null;
    },

    /** Revokes; the row stays so the list shows when it stopped working. */
    async revoke(accountId: string, id: string): Promise<boolean> {
      const rows = await db.query(
        'UPDATE api_tokens SET revoked_at = now() WHERE account_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id',
        [accountId, id],
      );
      return rows.length > 0;
    },
  };
}

export type TokenRepository = ReturnType<typeof createTokenRepository>;
