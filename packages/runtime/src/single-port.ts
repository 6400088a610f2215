import type { RunDocument, ShapeResult } from './types.ts';

/** The result of a one-path shape. */
export function onDefaultPort(
  documents: RunDocument[],
  errors: ShapeResult['errors'] = [],
): ShapeResult {
  return { outputs: new Map([['default', documents]]), errors };
}
