import {
  type ProcessDocument,
  type ValidationIssue,
  validateProcess,
} from '@junction/process-model';
import { useMemo, useRef } from 'react';
import { useServerIssues, withServerIssues } from './server-issues.ts';

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
 * Live validation of the working copy, plus what only the server knows once editing
 * pauses. Moving shapes or notes changes only the layout, which validation does not
 * depend on, so a drag re-uses the last result instead of revalidating on every
 * mouse move.
 */
export function useValidation(document: ProcessDocument): readonly ValidationIssue[] {
  const last = useRef<{ document: Semantic; issues: ValidationIssue[] } | null>(null);
  if (!last.current || !sameSemantics(last.current.document, document)) {
    last.current = { document, issues: validateProcess(document) };
  }
  const local = last.current.issues;
  const server = useServerIssues(document);
  return useMemo(() => withServerIssues(local, server), [local, server]);
}
