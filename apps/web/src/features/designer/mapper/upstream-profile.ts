import {
  type JsonSchemaProfile,
  type ProcessDocument,
  predecessors,
  type Shape,
} from '@junction/process-model';

/** Where a source profile came from, said in the mapper's header. */
export interface UpstreamProfile {
  profile: JsonSchemaProfile;
  /** The shape's label, or its kind when it has none. */
  from: string;
}

function operationProfile(shape: Shape): JsonSchemaProfile | undefined {
  if (shape.kind === 'connector') {
    return shape.config.responseProfile;
  }
  if (shape.kind === 'start' && shape.config.mode === 'connector') {
    return shape.config.operation.responseProfile;
  }
  return undefined;
}

/**
 * The response profile of the nearest connector before the Map (Import Operation
 * writes it), searched breadth-first back through the process so the closest one
 * wins; null when no connector upstream has one. A shape's own documents may have
 * been changed on the way (another Map, Set Properties…): this is the best guess
 * the process file supports, and the user can replace it with a sample.
 */
export function upstreamProfile(doc: ProcessDocument, mapId: string): UpstreamProfile | null {
  const seen = new Set([mapId]);
  let frontier = [mapId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const before of predecessors(doc, id)) {
        if (seen.has(before)) {
          continue;
        }
        seen.add(before);
        const shape = Object.hasOwn(doc.shapes, before) ? doc.shapes[before] : undefined;
        const profile = shape && operationProfile(shape);
        if (shape && profile) {
          return { profile, from: shape.label || shape.kind };
        }
        next.push(before);
      }
    }
    frontier = next;
  }
  return null;
}
