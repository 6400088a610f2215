import type { ProcessDocument } from '../schema/process.ts';
import { pointerOf, type ValidationIssue } from './issue.ts';

/** Process Call shapes whose chosen process does not exist (per the caller's resolver). */
export function processCallTargetIssues(
  doc: ProcessDocument,
  processExists: (id: string) => boolean,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [shapeId, shape] of Object.entries(doc.shapes)) {
    if (shape.kind !== 'process-call') {
      continue;
    }
    const target = shape.config.processId;
    // Empty and self-calls are reported by the shape's own check.
    if (target !== '' && target !== doc.id && !processExists(target)) {
      issues.push({
        severity: 'error',
        code: 'process-call.process-unknown',
        message: `There is no process "${target}"; choose another one.`,
        pointer: pointerOf('shapes', shapeId, 'config', 'processId'),
        shapeId,
      });
    }
  }
  return issues;
}
