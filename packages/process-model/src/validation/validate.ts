import type { ProcessDocument } from '../schema/process.ts';
import { graphIssues } from './graph.ts';
import type { ValidationIssue } from './issue.ts';
import { parameterReferenceIssues } from './parameter-references.ts';
import { processCallTargetIssues } from './process-call-targets.ts';
import { shapeConfigIssues } from './shape-config.ts';
import { DEFAULT_SIZE_LIMITS, type SizeLimits, sizeIssues } from './size.ts';
import { structureIssues } from './structure.ts';

export interface ValidateOptions {
  /**
   * Whether a process id names a stored process (Process Call targets). Without it
   * targets are not checked: the model has no I/O and cannot know.
   */
  processExists?: (id: string) => boolean;
  /** Shape-count limits; defaults to a warning at 100 and an error past 250. */
  limits?: Partial<SizeLimits>;
}

/**
 * Every problem in a process: first the file format, then (when the format is
 * right) the graph, each shape's configuration and its parameter references.
 * Errors block a run; warnings do not. Saving is allowed either way (drafts).
 * Never throws, whatever `value` is.
 */
export function validateProcess(value: unknown, options: ValidateOptions = {}): ValidationIssue[] {
  const structural = structureIssues(value);
  if (structural.length > 0) {
    return structural;
  }
  const doc = value as ProcessDocument;
  // Taken once: on a 5,000-shape file each Object.entries costs about a millisecond.
  const shapes = Object.entries(doc.shapes);
  return [
    ...sizeIssues(doc, { ...DEFAULT_SIZE_LIMITS, ...definedLimits(options.limits) }),
    ...graphIssues(doc, shapes),
    ...shapes.flatMap(([id, shape]) => shapeConfigIssues(doc, id, shape)),
    ...parameterReferenceIssues(doc, shapes),
    ...(options.processExists ? processCallTargetIssues(doc, options.processExists) : []),
  ];
}

// exactOptionalPropertyTypes allows no undefined members, but callers in plain JS might pass them.
function definedLimits(limits: Partial<SizeLimits> | undefined): Partial<SizeLimits> {
  const out: Partial<SizeLimits> = {};
  if (limits?.warnAt !== undefined) {
    out.warnAt = limits.warnAt;
  }
  if (limits?.maxShapes !== undefined) {
    out.maxShapes = limits.maxShapes;
  }
  return out;
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
