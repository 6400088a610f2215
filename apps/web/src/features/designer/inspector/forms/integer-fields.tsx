import type { ValidationIssue } from '@junction/process-model';
import { useId, useState } from 'react';
import { FieldIssues, issuesFor } from '../field-issues.tsx';
import { type IssueProps, useIssueWiring } from './fields.tsx';

const COUNT = /^\d+$/;
const INTEGER = /^-?\d+$/;

/**
 * A whole number. Text that is not a number stays local with a message (the
 * document only ever holds numbers); out-of-range numbers go through so validation
 * says what the range is.
 */
export function IntegerField({
  label,
  name,
  value,
  onChange,
  onCommit,
  disabled = false,
  ...issueProps
}: IssueProps & {
  label: string;
  name?: string;
  value: number;
  onChange: (value: number) => void;
  onCommit: () => void;
  disabled?: boolean;
}) {
  const { issuesId, inputProps } = useIssueWiring(issueProps);
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // Undo, redo or another field changed the number: show the document's value.
  if (value !== shown) {
    setShown(value);
    setText(String(value));
  }
  const syntax = INTEGER.test(text.trim()) ? null : 'Enter a whole number.';
  return (
    <>
      <label>
        {label}
        <input
          {...inputProps}
          {...(syntax ? { 'aria-invalid': true, 'aria-describedby': issuesId } : {})}
          {...(name !== undefined ? { 'aria-label': name } : {})}
          type="text"
          inputMode="numeric"
          disabled={disabled}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (INTEGER.test(e.target.value.trim())) {
              const n = Number(e.target.value.trim());
              setShown(n);
              onChange(n);
            }
          }}
          onBlur={() => {
            setText(String(value));
            onCommit();
          }}
        />
      </label>
      {syntax ? (
        <ul className="field-issues" id={issuesId}>
          <li className="is-error">{syntax}</li>
        </ul>
      ) : (
        <FieldIssues {...issueProps} id={issuesId} />
      )}
    </>
  );
}

/**
 * A count that may be left empty (no limit). Text that is neither empty nor a
 * whole number stays local with a message, so the document never holds it.
 */
export function OptionalIntegerField({
  label,
  name,
  value,
  onChange,
  onCommit,
  issues,
  field,
}: {
  label: string;
  name?: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  onCommit: () => void;
  issues: readonly ValidationIssue[];
  field: string;
}) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [shown, setShown] = useState(value);
  // Undo or redo changed the value: show the document's.
  if (value !== shown) {
    setShown(value);
    setText(value === undefined ? '' : String(value));
  }
  const syntax =
    text.trim() === '' || COUNT.test(text.trim()) ? null : 'Enter a whole number, or leave empty.';
  const matching = issuesFor(issues, field);
  return (
    <>
      <label>
        {label}
        <input
          {...(name !== undefined ? { 'aria-label': name } : {})}
          inputMode="numeric"
          placeholder="no limit"
          value={text}
          aria-invalid={syntax !== null || matching.some((i) => i.severity === 'error')}
          {...(syntax !== null || matching.length > 0 ? { 'aria-describedby': id } : {})}
          onChange={(e) => {
            const next = e.target.value.trim();
            setText(e.target.value);
            if (next === '' || COUNT.test(next)) {
              const parsed = next === '' ? undefined : Number(next);
              setShown(parsed);
              onChange(parsed);
            }
          }}
          onBlur={() => {
            setText(value === undefined ? '' : String(value));
            onCommit();
          }}
        />
      </label>
      {syntax !== null ? (
        <ul className="field-issues" id={id}>
          <li className="is-error">{syntax}</li>
        </ul>
      ) : (
        <FieldIssues issues={issues} field={field} id={id} />
      )}
    </>
  );
}
