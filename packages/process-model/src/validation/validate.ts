import type { ProcessDocument } from '../schema/process.ts';
import { graphIssues } from './graph.ts';
import type { ValidationIssue } from './issue.ts';
import { shapeConfigIssues } from './shape-config.ts';
import { sizeIssues } from './size.ts';
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
  return [...sizeIssues(doc), ...graphIssues(doc), ...shapeIssues(doc)];
}

function shapeIssues(doc: ProcessDocument): ValidationIssue[] {
  return Object.entries(doc.shapes).flatMap(([id, shape]) => shapeConfigIssues(doc, id, shape));
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
