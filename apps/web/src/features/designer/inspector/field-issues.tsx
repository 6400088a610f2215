import type { ValidationIssue } from '@junction/process-model';

/** Messages for one field, matched by the end of their JSON pointer. */
export function FieldIssues({
  issues,
  field,
}: {
  issues: readonly ValidationIssue[];
  field: string;
}) {
  const matching = issues.filter((i) => i.pointer.endsWith(`/${field}`));
  if (matching.length === 0) {
    return null;
  }
  return (
    <ul className="field-issues">
      {matching.map((i) => (
        <li key={`${i.code}${i.pointer}`} className={`is-${i.severity}`}>
          {i.message}
        </li>
      ))}
    </ul>
  );
}
