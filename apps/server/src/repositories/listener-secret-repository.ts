import type { ListenerSecretView } from '@junction/api';
import type { Database } from '../db/database.ts';
import type { SecretBox } from '../secrets/secret-box.ts';

interface SecretRow {
  secret: string;
  secret_key_id: string;
  updated_at: Date | string;
}

/**
 * The shared secret of a process's listener: sealed by the secret box like a
 * connection's token, never in the process file and never answered to anyone.
 * Only the listener route opens it, to compare with what a caller sends.
 */
export function createListenerSecretRepository(db: Database, box: SecretBox) {
  async function row(accountId: string, processId: string): Promise<SecretRow | undefined> {
    const [found] = await db.query<SecretRow>(
      'SELECT secret, secret_key_id, updated_at FROM listener_secrets WHERE account_id = $1 AND process_id = $2',
      [accountId, processId],
    );
    return found;
  }

  return {
    async view(accountId: string, processId: string): Promise<ListenerSecretView> {
      const found = await row(accountId, processId);
      return {
        set: found !== undefined,
        updatedAt: found ? new Date(found.updated_at).toISOString() : null,
      };
    },

    async set(accountId: string, processId: string, secret: string): Promise<ListenerSecretView> {
      await db.query(
        `INSERT INTO listener_secrets (account_id, process_id, secret, secret_key_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, process_id)
         DO UPDATE SET secret = EXCLUDED.secret, secret_key_id = EXCLUDED.secret_key_id, updated_at = now()`,
        [accountId, processId, box.seal(secret), box.keyId],
      );
      return this.view(accountId, processId);
    },

    async remove(accountId: string, processId: string): Promise<boolean> {
      const rows = await db.query(
        'DELETE FROM listener_secrets WHERE account_id = $1 AND process_id = $2 RETURNING process_id',
        [accountId, processId],
      );
      return rows.length > 0;
    },

    /** The plain secret, or undefined when none is set or this server's keys cannot open it. */
    async reveal(accountId: string, processId: string): Promise<string | undefined> {
      const found = await row(accountId, processId);
      if (!found) {
        return undefined;
      }
      try {
        return box.open(found.secret, found.secret_key_id);
      } catch {
        return undefined;
      }
    },
  };
}

export type ListenerSecretRepository = ReturnType<typeof createListenerSecretRepository>;
