import { MAX_SHAPES, SHAPE_COUNT_WARNING } from '../operations/paste-shapes.ts';
import type { ProcessDocument } from '../schema/process.ts';
import type { ValidationIssue } from './issue.ts';

/** Boomi's size limits: warn from 100 shapes and notes, refuse more than 250. */
export function sizeIssues(doc: ProcessDocument): ValidationIssue[] {
  const count = Object.keys(doc.shapes).length + doc.notes.length;
  if (count > MAX_SHAPES) {
    return [
      {
        severity: 'error',
        code: 'process.too-many-shapes',
        message: `A process holds at most ${MAX_SHAPES} shapes and notes; this one has ${count}. Move parts into subprocesses.`,
        pointer: '/shapes',
      },
    ];
  }
  if (count >= SHAPE_COUNT_WARNING) {
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
