import type { ParameterValue, ValidationIssue } from '@junction/process-model';
import { useId, useState } from 'react';
import { Select } from '../../../ui/select.tsx';
import { FieldIssues, issuesFor } from './field-issues.tsx';
import { moveAt, removeAt, replaceAt } from './forms/list-ops.ts';
import { capitalize, RowActions } from './forms/row-actions.tsx';
import {
  allowsEmptyText,
  EXECUTION_PROPERTY_OPTIONS,
  VALUE_PLACEHOLDERS,
  VALUE_TYPES,
  valueText,
  withText,
} from './parameter-value.ts';

const MISSING: Record<ParameterValue['type'], string> = {
  static: '',
  'document-property': 'Enter the property name.',
  'process-property': 'Enter the property name.',
  'profile-element': 'Enter the field path.',
  'current-date': '',
  'execution-property': '',
};

/**
 * One parameter value: where it comes from and its text. `name` prefixes the two
 * controls' accessible names ("Route by source", "Route by value").
 */
export function ParameterValueInput({
  legend,
  name = legend,
  value,
  onChange,
  onCommit,
  issues,
  field,
}: {
  legend: string;
  name?: string;
  value: ParameterValue;
  onChange: (next: ParameterValue, commit: boolean) => void;
  onCommit: () => void;
  issues: readonly ValidationIssue[];
  /** The value's pointer below `config`; issues below it (its `/path`) show too. */
  field: string;
}) {
  const id = useId();
  // A property or path must not be empty (the file format says so), so a source
  // chosen before its name is typed stays here as a draft instead of in the document.
  const [draft, setDraft] = useState<{ type: ParameterValue['type']; text: string } | null>(null);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(null);
  }
  const type = draft?.type ?? value.type;
  const text = draft?.text ?? valueText(value);
  const apply = (nextType: ParameterValue['type'], nextText: string, commit: boolean) => {
    if (!allowsEmptyText(nextType) && nextText === '') {
      setDraft({ type: nextType, text: nextText });
      return;
    }
    setDraft(null);
    onChange(withText(nextType, nextText), commit);
  };
  const missing = draft ? MISSING[draft.type] : '';
  const matching = issuesFor(issues, field, true);
  return (
    <fieldset className="parameter-value">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-source`}>
        Source
        <Select
          id={`${id}-source`}
          label={`${name} source`}
          value={type}
          onChange={(next) => apply(next, text, true)}
          choices={VALUE_TYPES}
        />
      </label>
      {type === 'execution-property' ? (
        <label htmlFor={`${id}-value`}>
          Value
          <Select
            id={`${id}-value`}
            label={`${name} value`}
            value={text}
            onChange={(next) => apply(type, next, true)}
            choices={EXECUTION_PROPERTY_OPTIONS}
          />
        </label>
      ) : (
        <label>
          {type === 'current-date' ? 'Format' : 'Value'}
          <input
            aria-label={`${name} ${type === 'current-date' ? 'format' : 'value'}`}
            aria-invalid={missing !== '' || matching.some((i) => i.severity === 'error')}
            {...(missing !== '' || matching.length > 0 ? { 'aria-describedby': id } : {})}
            value={text}
            placeholder={VALUE_PLACEHOLDERS[type]}
            onChange={(e) => apply(type, e.target.value, false)}
            onBlur={onCommit}
          />
        </label>
      )}
      {missing !== '' ? (
        <ul className="field-issues" id={id}>
          <li className="is-error">{missing}</li>
        </ul>
      ) : (
        <FieldIssues issues={issues} field={field} nested id={id} />
      )}
    </fieldset>
  );
}

/**
 * An ordered list of parameter values: message parameters ({1}, {2} … in order),
 * cache key parts, property value parts (concatenated in order).
 */
export function ParameterValueList({
  legend,
  noun,
  owner,
  values,
  onChange,
  onCommit,
  issues,
  field,
  hint,
}: {
  legend: string;
  /** One item, lower case, e.g. "parameter". */
  noun: string;
  /** The row that owns the list, when there are several, e.g. "property 2". */
  owner?: string;
  values: readonly ParameterValue[];
  onChange: (next: ParameterValue[], commit: boolean) => void;
  onCommit: () => void;
  issues: readonly ValidationIssue[];
  field: string;
  hint?: string;
}) {
  const itemName = (index: number) =>
    owner ? `${capitalize(owner)} ${noun} ${index + 1}` : `${capitalize(noun)} ${index + 1}`;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {values.map((value, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <div key={index}>
          <ParameterValueInput
            legend={itemName(index)}
            value={value}
            onChange={(v, commit) => onChange(replaceAt(values, index, v), commit)}
            onCommit={onCommit}
            issues={issues}
            field={`${field}/${index}`}
          />
          <RowActions
            item={itemName(index).toLowerCase()}
            index={index}
            count={values.length}
            onMove={(delta) => onChange(moveAt(values, index, delta), true)}
            onRemove={() => onChange(removeAt(values, index), true)}
          />
        </div>
      ))}
      <FieldIssues issues={issues} field={field} />
      <button
        type="button"
        {...(owner ? { 'aria-label': `Add ${noun} to ${owner}` } : {})}
        onClick={() => onChange([...values, { type: 'static', value: '' }], true)}
      >
        Add {noun}
      </button>
    </fieldset>
  );
}
