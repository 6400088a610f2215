import { MAX_SHAPES, SHAPE_COUNT_WARNING } from '../operations/paste-shapes.ts';
import type { ProcessDocument } from '../schema/process.ts';
import type { ValidationIssue } from './issue.ts';

/** Shape-count limits: a warning from `warnAt` shapes and notes, an error past `maxShapes`. */
export interface SizeLimits {
  warnAt: number;
  maxShapes: number;
}

/** Boomi's limits (process-semantics.md §1): warn from 100 shapes and notes, refuse past 250. */
export const DEFAULT_SIZE_LIMITS: SizeLimits = {
  warnAt: SHAPE_COUNT_WARNING,
  maxShapes: MAX_SHAPES,
};

export function sizeIssues(
  doc: ProcessDocument,
  limits: SizeLimits = DEFAULT_SIZE_LIMITS,
): ValidationIssue[] {
  const count = Object.keys(doc.shapes).length + doc.notes.length;
  if (count > limits.maxShapes) {
    return [
      {
        severity: 'error',
        code: 'process.too-many-shapes',
        message: `A process holds at most ${limits.maxShapes} shapes and notes; this one has ${count}. Move parts into subprocesses.`,
        pointer: '/shapes',
      },
    ];
  }
  if (count >= limits.warnAt) {
    return [
      {
        severity: 'warning',
        code: 'process.many-shapes',
        message: `${count} shapes and notes: consider moving parts into subprocesses.`,
        pointer: '/shapes',
      },
    ];
  }
  return [];
}
