import type { ValidationIssue } from '@junction/process-model';

/**
 * The issues of one field, matched by the end of their JSON pointer. `nested` also
 * takes issues below the field (a parameter value's `/path`, a row's cells), for
 * fields edited as one control group.
 */
export function issuesFor(
  issues: readonly ValidationIssue[],
  field: string,
  nested = false,
): ValidationIssue[] {
  return uniqueIssues(
    issues.filter(
      (i) => i.pointer.endsWith(`/${field}`) || (nested && i.pointer.includes(`/${field}/`)),
    ),
  );
}

export function issueKey(issue: ValidationIssue): string {
  return `${issue.code}${issue.pointer}${issue.message}`;
}

/** Schema checks of a union report the same problem once per branch; show it once. */
export function uniqueIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = issueKey(i);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Messages for one field, matched by the end of their JSON pointer. */
export function FieldIssues({
  issues,
  field,
  nested = false,
  id,
}: {
  issues: readonly ValidationIssue[];
  field: string;
  nested?: boolean;
  id?: string;
}) {
  const matching = issuesFor(issues, field, nested);
  if (matching.length === 0) {
    return null;
  }
  return (
    <ul className="field-issues" id={id}>
      {matching.map((i) => (
        <li key={issueKey(i)} className={`is-${i.severity}`}>
          {i.message}
        </li>
      ))}
    </ul>
  );
}
