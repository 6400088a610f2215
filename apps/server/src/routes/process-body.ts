import {
  MAX_JSON_DEPTH,
  nestedDeeperThan,
  type ProcessDocument,
  readProcessValue,
  repeatedKeyIssues,
} from '@junction/process-model';
import { invalidDocument } from '../errors.ts';

/**
 * A process document from a request body: migrated to the current schema and
 * checked against the file format. Semantic issues (unconnected ports, missing
 * configuration) do not block saving; drafts are allowed. `text` is the body as
 * sent, when the whole body is the process: only the text still shows a key
 * written twice (two shapes under one id), which the parsed value has merged. The
 * body is read as it was parsed, never turned back into text and parsed again.
 */
export function readProcessBody(body: unknown, message: string, text?: string): ProcessDocument {
  const repeated = text === undefined ? [] : repeatedKeyIssues(text, body);
  if (repeated.length > 0) {
    throw invalidDocument(message, repeated);
  }
  // A value that came without text (the Platform API connector, a process inside a
  // larger body) did not pass the body parser's depth limit; it may also be shared,
  // and migration may build on it, so it is measured, then copied.
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
  const read = readProcessValue(text === undefined ? structuredClone(body ?? null) : body);
  if (!read.ok) {
    throw invalidDocument(message, read.issues);
  }
  return read.document;
}
