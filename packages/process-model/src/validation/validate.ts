import type { ProcessDocument } from '../schema/process.ts';
import { connectorIssues } from './connector.ts';
import { graphIssues } from './graph.ts';
import { pointerOf, type ValidationIssue } from './issue.ts';
import { structureIssues } from './structure.ts';

/**
 * Every problem in a process: first the file format, then (when the format is
 * right) the graph and each shape's configuration. Errors block a run; warnings
 * do not. Saving is allowed either way (drafts).
 */
export function validateProcess(value: unknown): ValidationIssue[] {
  const structural = structureIssues(value);
  if (structural.length > 0) {
    return structural;
  }
  const doc = value as ProcessDocument;
  return [...graphIssues(doc), ...shapeIssues(doc)];
}

function shapeIssues(doc: ProcessDocument): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [id, shape] of Object.entries(doc.shapes)) {
    if (shape.kind === 'connector') {
      issues.push(...connectorIssues(shape.config, pointerOf('shapes', id, 'config'), id));
    } else if (shape.kind === 'start' && shape.config.mode === 'connector') {
      const op = shape.config.operation;
      issues.push(...connectorIssues(op, pointerOf('shapes', id, 'config', 'operation'), id));
      if (op.action !== '' && op.action !== 'list' && op.action !== 'get') {
        issues.push({
          severity: 'error',
          code: 'start.not-a-get',
          message: 'A Start connector must get data (List Resource or Get Resource).',
          pointer: pointerOf('shapes', id, 'config', 'operation', 'action'),
          shapeId: id,
        });
      }
    }
  }
  return issues;
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
