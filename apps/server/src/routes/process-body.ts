import { type ProcessDocument, parseProcess } from '@junction/process-model';
import { invalidDocument } from '../errors.ts';

/**
 * A process document from a request body: migrated to the current schema and
 * checked against the file format. Semantic issues (unconnected ports, missing
 * configuration) do not block saving; drafts are allowed.
 */
export function readProcessBody(body: unknown, message: string): ProcessDocument {
  const parsed = parseProcess(JSON.stringify(body ?? null));
  if (!parsed.ok) {
    throw invalidDocument(message, parsed.issues);
  }
  return parsed.document;
}
