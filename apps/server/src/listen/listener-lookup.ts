import type { Listener, ProcessDocument } from '@junction/process-model';
import type { Queryable } from '../db/database.ts';
import { LISTEN_KEY_OF_REVISION, listenKey } from '../repositories/deployment-repository.ts';

/** A listener (HTTP or Connect webhook) of a deployed revision: what a call to it needs. */
export interface DeployedListener {
  accountId: string;
  deploymentId: string;
  environmentId: string;
  processId: string;
  revision: number;
  document: ProcessDocument;
  listener: Listener;
}

/**
 * Deployment `d` (of revision `r`) listens on the key in parameter `param`: by the key
 * it keeps, through the index; a row written by a server of the version before keeps
 * none, and its revision's own is compared. The first condition names `d` alone, so
 * it narrows the index scan before any revision is joined.
 */
const listensOn = (param: string) => `(d.listen_key = ${param} OR d.listen_key IS NULL)
  AND (d.listen_key IS NOT NULL OR ${LISTEN_KEY_OF_REVISION} = ${param})`;

/** The method a listener answers: a Connect webhook is always called with POST. */
export function listenerMethod(listener: Listener): string {
  return listener.kind === 'http' ? listener.method : 'POST';
}

interface Row {
  account_id: string;
  id: string;
  environment_id: string;
  process_id: string;
  revision: number;
  document: ProcessDocument;
}

function listenerOf(document: ProcessDocument): Listener | undefined {
  for (const shape of Object.values(document.shapes)) {
    if (shape.kind === 'start' && shape.config.mode === 'listen') {
      return shape.config.listener;
    }
  }
  return undefined;
}

/**
 * The active deployments, in every account, whose revision listens on `method` and
 * `path` in environment `environmentId`. Read on every call, never cached: a
 * deployment made inactive or removed stops answering at once, on every server.
 * Several accounts may use the same environment id and path; the caller's
 * credentials choose among them (listener-auth.ts).
 */
export async function deployedListeners(
  db: Queryable,
  environmentId: string,
  method: string,
  path: string,
): Promise<DeployedListener[]> {
  const rows = await db.query<Row>(
    `SELECT d.account_id, d.id, d.environment_id, d.process_id, d.revision, r.document
     FROM deployments d
     JOIN process_revisions r
       ON r.account_id = d.account_id AND r.process_id = d.process_id AND r.revision = d.revision
     JOIN processes p ON p.account_id = d.account_id AND p.id = d.process_id AND p.deleted_at IS NULL
     WHERE d.active AND d.environment_id = $1
       AND ${listensOn('$2')}
     ORDER BY d.deployed_at DESC, d.id`,
    [environmentId, listenKey(method, path)],
  );
  return rows.flatMap((row) => {
    const listener = listenerOf(row.document);
    return listener
      ? [
          {
            accountId: row.account_id,
            deploymentId: row.id,
            environmentId: row.environment_id,
            processId: row.process_id,
            revision: row.revision,
            document: row.document,
            listener,
          },
        ]
      : [];
  });
}

/**
 * Another process of the account already listening on the same method and path in
 * the environment: deploying a second would make calls ambiguous.
 */
export async function listenerClash(
  db: Queryable,
  accountId: string,
  environmentId: string,
  processId: string,
  document: ProcessDocument,
): Promise<string | undefined> {
  const listener = listenerOf(document);
  if (!listener) {
    return undefined;
  }
  const [row] = await db.query<{ process_id: string }>(
    `SELECT d.process_id FROM deployments d
     JOIN process_revisions r
       ON r.account_id = d.account_id AND r.process_id = d.process_id AND r.revision = d.revision
     WHERE d.active AND d.environment_id = $1 AND d.account_id = $3 AND d.process_id <> $4
       AND ${listensOn('$2')}
     LIMIT 1`,
    [environmentId, listenKey(listenerMethod(listener), listener.path), accountId, processId],
  );
  return row?.process_id;
}

export { listenerOf };
