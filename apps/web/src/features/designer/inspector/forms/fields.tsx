import type { ValidationIssue } from '@junction/process-model';
import { useId } from 'react';
import { Select } from '../../../../ui/select.tsx';
import { FieldIssues, issuesFor } from '../field-issues.tsx';

export interface IssueProps {
  issues: readonly ValidationIssue[];
  /** The field's JSON pointer below `config`, e.g. `keys/2` or `steps/0/path`. */
  field: string;
  /** Also show issues below the field (a row's cells). */
  nested?: boolean;
}

/** aria wiring so a screen reader announces the field's problems with it. */
export function useIssueWiring({ issues, field, nested = false }: IssueProps) {
  const id = useId();
  const matching = issuesFor(issues, field, nested);
  return {
    issuesId: id,
    inputProps: {
      'aria-invalid': matching.some((i) => i.severity === 'error'),
      ...(matching.length > 0 ? { 'aria-describedby': id } : {}),
    },
  };
}

/**
 * A text input or textarea. `name` is the accessible name when the visible label is
 * not unique on its own (a row's "Name" becomes "Rule 2 name").
 */
export function TextField({
  label,
  name,
  value,
  onChange,
  onCommit,
  multiline = false,
  rows = 4,
  placeholder,
  code = false,
  ...issueProps
}: IssueProps & {
  label: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  onCommit: () => void;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  /** Monospace and no spell checking, for expressions and scripts. */
  code?: boolean;
}) {
  const { issuesId, inputProps } = useIssueWiring(issueProps);
  const common = {
    ...inputProps,
    ...(name !== undefined ? { 'aria-label': name } : {}),
    ...(placeholder !== undefined ? { placeholder } : {}),
    value,
    spellCheck: !code,
    onBlur: onCommit,
  };
  return (
    <>
      {multiline ? (
        <label className={code ? 'json-config' : undefined}>
          {label}
          <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
        </label>
      ) : (
        <label className={code ? 'json-config' : undefined}>
          {label}
          <input {...common} onChange={(e) => onChange(e.target.value)} />
        </label>
      )}
      <FieldIssues {...issueProps} id={issuesId} />
    </>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  disabled = false,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

function selectIssueProps(inputProps: ReturnType<typeof useIssueWiring>['inputProps']) {
  return {
    invalid: inputProps['aria-invalid'],
    ...('aria-describedby' in inputProps ? { describedBy: inputProps['aria-describedby'] } : {}),
  };
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export function SelectField<T extends string>({
  label,
  name,
  value,
  choices,
  onChange,
  ...issueProps
}: Partial<IssueProps> & {
  label: string;
  name?: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
}) {
  const wiring = useIssueWiring({ issues: [], field: '', ...issueProps });
  const withIssues = issueProps.issues !== undefined && issueProps.field !== undefined;
  const selectId = useId();
  return (
    <>
      <label htmlFor={selectId}>
        {label}
        <Select
          id={selectId}
          value={value}
          onChange={onChange}
          choices={choices}
          {...(name !== undefined ? { label: name } : {})}
          {...(withIssues ? selectIssueProps(wiring.inputProps) : {})}
        />
      </label>
      {withIssues && issueProps.issues && issueProps.field !== undefined && (
        <FieldIssues
          issues={issueProps.issues}
          field={issueProps.field}
          nested={issueProps.nested ?? false}
          id={wiring.issuesId}
        />
      )}
    </>
  );
}
