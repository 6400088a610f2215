import pg from 'pg';
import { quoteIdentifier, type Unlisten } from './database.ts';

const RECONNECT_MS = 1000;

/**
 * LISTEN needs a session of its own for as long as it listens, so it gets a client
 * outside the pool. A dropped connection is opened again and `onReconnect` told, as
 * notifications sent while it was down are lost.
 */
export async function listenOnPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onReconnect?: () => void,
): Promise<Unlisten> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) {
        onPayload(message.payload ?? '');
      }
    });
    next.on('error', () => {
      // Reported as an 'end' below; the error itself only says the socket went.
    });
    next.on('end', () => {
      if (!closed) {
        retry = setTimeout(() => void reconnect(), RECONNECT_MS);
      }
    });
    await next.connect();
    await next.query(`LISTEN ${quoteIdentifier(channel)}`);
    client = next;
  };

  const reconnect = async (): Promise<void> => {
    try {
      await connect();
      onReconnect?.();
    } catch {
      if (!closed) {
        retry = setTimeout(() => void reconnect(), RECONNECT_MS);
      }
    }
  };

  await connect();
  return async () => {
    closed = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
