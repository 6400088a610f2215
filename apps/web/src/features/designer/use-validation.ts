import {
  type ProcessDocument,
  type ValidationIssue,
  validateProcess,
} from '@junction/process-model';
import { useRef } from 'react';

type Semantic = Pick<
  ProcessDocument,
  'shapes' | 'connections' | 'options' | 'name' | 'description'
>;

function sameSemantics(a: Semantic, b: Semantic): boolean {
  return (
    a.shapes === b.shapes &&
    a.connections === b.connections &&
    a.options === b.options &&
    a.name === b.name &&
    a.description === b.description
  );
}

/**
 * Live validation of the working copy. Moving shapes or notes changes only the
 * layout, which validation does not depend on, so a drag re-uses the last result
 * instead of revalidating on every mouse move.
 */
export function useValidation(document: ProcessDocument): readonly ValidationIssue[] {
  const last = useRef<{ document: Semantic; issues: ValidationIssue[] } | null>(null);
  if (!last.current || !sameSemantics(last.current.document, document)) {
    last.current = { document, issues: validateProcess(document) };
  }
  return last.current.issues;
}
