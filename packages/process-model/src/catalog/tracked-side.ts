import type { Shape } from '../schema/shapes.ts';

/**
 * Which documents Process Reporting keeps for a shape (process-semantics.md §7.3):
 * a connector's Tracking Direction picks the request side ('in', the documents
 * it was given) or the response side ('out', the documents it produced); a Start
 * always tracks what it produces, Return Documents what it receives (a listener's
 * answer). Other shapes track nothing.
 */
export function trackedSide(shape: Shape): 'in' | 'out' | undefined {
  if (shape.kind === 'start') {
    return 'out';
  }
  if (shape.kind === 'return-documents') {
    // What a listener answers its caller with, and what a caller's Process Call gets.
    return 'in';
  }
  if (shape.kind === 'connector') {
    return shape.config.trackingDirection === 'input' ? 'in' : 'out';
  }
  return undefined;
}
