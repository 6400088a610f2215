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
  return issues.filter(
    (i) => i.pointer.endsWith(`/${field}`) || (nested && i.pointer.includes(`/${field}/`)),
  );
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
        <li key={`${i.code}${i.pointer}${i.message}`} className={`is-${i.severity}`}>
          {i.message}
        </li>
      ))}
    </ul>
  );
}
