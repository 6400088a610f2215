import type { RunDocument, ShapeResult } from './types.ts';

/** The port of a one-path shape. */
export const DEFAULT_PORT = 'default';

/** The result of a one-path shape. */
export function onDefaultPort(
  documents: RunDocument[],
  errors: ShapeResult['errors'] = [],
): ShapeResult {
  return { outputs: new Map([[DEFAULT_PORT, documents]]), errors };
}
