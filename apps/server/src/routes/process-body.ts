import {
  MAX_JSON_DEPTH,
  nestedDeeperThan,
  type ProcessDocument,
  parseProcess,
} from '@junction/process-model';
import { invalidDocument } from '../errors.ts';

/**
 * A process document from a request body: migrated to the current schema and
 * checked against the file format. Semantic issues (unconnected ports, missing
 * configuration) do not block saving; drafts are allowed. `text` is the body as
 * sent, when the whole body is the process: only the text still shows a key
 * written twice (two shapes under one id), which the parsed value has merged.
 */
export function readProcessBody(body: unknown, message: string, text?: string): ProcessDocument {
  // A value that came without text (the Platform API connector) is measured
  // before JSON.stringify, which recurses, sees it.
  if (text === undefined && nestedDeeperThan(body)) {
    throw invalidDocument(message, [
      {
        severity: 'error',
        code: 'json.too-deep',
        message: `Nested deeper than ${MAX_JSON_DEPTH} levels`,
        pointer: '',
      },
    ]);
  }
  const parsed = parseProcess(text ?? JSON.stringify(body ?? null));
  if (!parsed.ok) {
    throw invalidDocument(message, parsed.issues);
  }
  return parsed.document;
}
