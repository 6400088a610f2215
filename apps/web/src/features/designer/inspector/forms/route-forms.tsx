import { type ComparisonOperator, MAX_BRANCHES, MIN_BRANCHES } from '@junction/process-model';
import { ParameterValueInput } from '../parameter-value-input.tsx';
import { type Choice, SelectField } from './fields.tsx';
import type { ConfigFormProps } from './form-props.ts';
import { IntegerField } from './integer-fields.tsx';
import { StringListField } from './string-list-field.tsx';

const OPERATORS: readonly Choice<ComparisonOperator>[] = [
  { value: 'equals', label: 'Equal to' },
  { value: 'not-equals', label: 'Not equal to' },
  { value: 'gt', label: 'Greater than' },
  { value: 'ge', label: 'Greater than or equal' },
  { value: 'lt', label: 'Less than' },
  { value: 'le', label: 'Less than or equal' },
  { value: 'regex', label: 'Matches regular expression' },
  { value: 'wildcard', label: 'Matches wildcards' },
];

/** Branch: every document goes down each of `count` paths, path 1 first. */
export function BranchForm({ config, issues, onChange, onCommit }: ConfigFormProps<'branch'>) {
  return (
    <IntegerField
      label={`Number of branches (${MIN_BRANCHES}–${MAX_BRANCHES})`}
      value={config.count}
      onChange={(count) => onChange({ count }, false)}
      onCommit={onCommit}
      issues={issues}
      field="count"
    />
  );
}

/** Route: the first key that matches the document's value picks its path. */
export function RouteForm({ config, issues, onChange, onCommit }: ConfigFormProps<'route'>) {
  return (
    <>
      <ParameterValueInput
        legend="Route by"
        value={config.value}
        onChange={(value, commit) => onChange({ ...config, value }, commit)}
        onCommit={onCommit}
        issues={issues}
        field="value"
      />
      <SelectField
        label="Comparison"
        value={config.operator}
        choices={OPERATORS}
        onChange={(operator) => onChange({ ...config, operator }, true)}
      />
      <StringListField
        legend="Route keys"
        noun="route key"
        hint="Compared in order; the first match wins, no match goes to Default."
        items={config.keys}
        onChange={(keys, commit) => onChange({ ...config, keys }, commit)}
        onCommit={onCommit}
        issues={issues}
        field="keys"
      />
    </>
  );
}

/** Decision: one comparison per document; True documents all run before False ones. */
export function DecisionForm({ config, issues, onChange, onCommit }: ConfigFormProps<'decision'>) {
  return (
    <>
      <ParameterValueInput
        legend="First value"
        value={config.left}
        onChange={(left, commit) => onChange({ ...config, left }, commit)}
        onCommit={onCommit}
        issues={issues}
        field="left"
      />
      <SelectField
        label="Comparison"
        value={config.operator}
        choices={OPERATORS}
        onChange={(operator) => onChange({ ...config, operator }, true)}
      />
      <ParameterValueInput
        legend="Second value"
        value={config.right}
        onChange={(right, commit) => onChange({ ...config, right }, commit)}
        onCommit={onCommit}
        issues={issues}
        field="right"
      />
    </>
  );
}
