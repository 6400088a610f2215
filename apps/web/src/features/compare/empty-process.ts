import type { ProcessDocument } from '@junction/process-model';

/**
 * The side an import is compared with when nothing is stored yet: the same process
 * (id, name, description, options) holding nothing, so every shape, connection and
 * note of `document` shows as added and no process field as changed.
 */
export function emptyProcessLike(document: ProcessDocument): ProcessDocument {
  return { ...document, shapes: {}, connections: [], layout: {}, notes: [] };
}
