import { type ProcessDocument, parseProcess } from '@junction/process-model';
import { invalidDocument } from '../errors.ts';

/**
 * A process document from a request body: migrated to the current schema and
 * checked against the file format. Semantic issues (unconnected ports, missing
 * configuration) do not block saving; drafts are allowed. `text` is the body as
 * sent, when the whole body is the process: only the text still shows a key
 * written twice (two shapes under one id), which the parsed value has merged.
 */
export function readProcessBody(body: unknown, message: string, text?: string): ProcessDocument {
  const parsed = parseProcess(text ?? JSON.stringify(body ?? null));
  if (!parsed.ok) {
    throw invalidDocument(message, parsed.issues);
  }
  return parsed.document;
}
