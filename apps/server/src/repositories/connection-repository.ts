import type { ConnectionKind, ConnectionView } from '@junction/api';
import type { Database } from '../db/database.ts';
import { HttpError } from '../errors.ts';
import type { SecretBox } from '../secrets/secret-box.ts';

/** `junction-platform`: this server's Platform API; a view never holds the token. */
export type { ConnectionKind, ConnectionView };

/** For the runtime only: the decrypted token never leaves the server. */
export interface ConnectionCredentials {
  id: string;
  kind: ConnectionKind;
  endpoint: string;
  token: string;
}

export interface ConnectionRow {
  id: string;
  name: string;
  kind: ConnectionKind;
  endpoint: string;
  secret: string;
  secret_key_id: string;
  created_at: Date | string;
  updated_at: Date | string;
}

export function toConnectionView(row: ConnectionRow): ConnectionView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    endpoint: row.endpoint,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * A stored token that this server's keys cannot open: sealed under a key that
 * is no longer configured (JUNCTION_SECRET_KEY changed, or the key file
 * replaced). Nothing but entering the token again repairs it, so it is a
 * client error that says so, not a 500.
 */
export function unreadableToken(row: Pick<ConnectionRow, 'id' | 'name'>): HttpError {
  return new HttpError(
    409,
    'token-unreadable',
    `The token of connection "${row.name}" (${row.id}) cannot be decrypted with this server's secret key (was JUNCTION_SECRET_KEY changed?). Enter the token again.`,
  );
}

export function createConnectionRepository(db: Database, box: SecretBox) {
  async function row(accountId: string, id: string): Promise<ConnectionRow | undefined> {
    const [found] = await db.query<ConnectionRow>(
      'SELECT * FROM connections WHERE account_id = $1 AND id = $2',
      [accountId, id],
    );
    return found;
  }

  return {
    async list(accountId: string): Promise<ConnectionView[]> {
      const rows = await db.query<ConnectionRow>(
        'SELECT * FROM connections WHERE account_id = $1 ORDER BY kind DESC, name, id',
        [accountId],
      );
      return rows.map(toConnectionView);
    },

    async get(accountId: string, id: string): Promise<ConnectionView | null> {
      const found = await row(accountId, id);
      return found ? toConnectionView(found) : null;
    },

    async credentials(accountId: string, id: string): Promise<ConnectionCredentials | null> {
      const found = await row(accountId, id);
      if (!found) {
        return null;
      }
      let token: string;
      try {
        token = box.open(found.secret, found.secret_key_id);
      } catch {
        throw unreadableToken(found);
      }
      return { id: found.id, kind: found.kind, endpoint: found.endpoint, token };
    },

    async create(
      accountId: string,
      input: { id: string; name: string; kind: ConnectionKind; endpoint: string; token: string },
    ): Promise<ConnectionView> {
      const [created] = await db.query<ConnectionRow>(
        `INSERT INTO connections (account_id, id, name, kind, endpoint, secret, secret_key_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          accountId,
          input.id,
          input.name,
          input.kind,
          input.endpoint,
          box.seal(input.token),
          box.keyId,
        ],
      );
      return toConnectionView(created!);
    },

    /** Changes name/endpoint; the token only when a new one is given (it is write-only). */
    async update(
      accountId: string,
      id: string,
      input: { name: string; endpoint: string; token?: string | undefined },
    ): Promise<ConnectionView | null> {
      const params: unknown[] = [accountId, id, input.name, input.endpoint];
      let secretSql = '';
      if (input.token !== undefined) {
        params.push(box.seal(input.token), box.keyId);
        secretSql = ', secret = $5, secret_key_id = $6';
      }
      const [updated] = await db.query<ConnectionRow>(
        `UPDATE connections SET name = $3, endpoint = $4${secretSql}, updated_at = now()
         WHERE account_id = $1 AND id = $2 AND kind <> 'sandbox' RETURNING *`,
        params,
      );
      return updated ? toConnectionView(updated) : null;
    },

    async remove(accountId: string, id: string): Promise<boolean> {
      const rows = await db.query(
        "DELETE FROM connections WHERE account_id = $1 AND id = $2 AND kind <> 'sandbox' RETURNING id",
        [accountId, id],
      );
      return rows.length > 0;
    },

    /** The built-in sandbox connection, present in every account from the start. */
    async ensureSandbox(accountId: string, endpoint: string, token: string): Promise<void> {
      await db.query(
        `INSERT INTO connections (account_id, id, name, kind, endpoint, secret, secret_key_id)
         VALUES ($1, 'sandbox', 'Sandbox', 'sandbox', $2, $3, $4)
         ON CONFLICT (account_id, id) DO UPDATE SET endpoint = EXCLUDED.endpoint, secret = EXCLUDED.secret, secret_key_id = EXCLUDED.secret_key_id`,
        [accountId, endpoint, box.seal(token), box.keyId],
      );
    },
  };
}

export type ConnectionRepository = ReturnType<typeof createConnectionRepository>;
