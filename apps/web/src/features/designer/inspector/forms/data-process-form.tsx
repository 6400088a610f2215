import type { DataProcessStep, ValidationIssue } from '@junction/process-model';
import { useState } from 'react';
import { FieldIssues } from '../field-issues.tsx';
import { CheckboxField, type Choice, SelectField, TextField } from './fields.tsx';
import type { ConfigFormProps } from './form-props.ts';
import { IntegerField } from './integer-fields.tsx';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';
import { RowActions } from './row-actions.tsx';

type StepType = DataProcessStep['type'];

const STEP_TYPES: readonly Choice<StepType>[] = [
  { value: 'split', label: 'Split documents' },
  { value: 'combine', label: 'Combine documents' },
  { value: 'custom-script', label: 'Custom scripting (JavaScript)' },
  { value: 'base64-encode', label: 'Base64 encode' },
  { value: 'base64-decode', label: 'Base64 decode' },
  { value: 'search-replace', label: 'Search/Replace' },
];

function newStep(type: StepType): DataProcessStep {
  switch (type) {
    case 'split':
      return { type, path: '', batchCount: 1 };
    case 'custom-script':
      return { type, language: 'javascript', source: '' };
    case 'search-replace':
      return { type, search: '', replace: '', regex: false };
    case 'combine':
    case 'base64-encode':
    case 'base64-decode':
      return { type };
  }
}

/** The fields of one step; steps without options (combine, base64) have none. */
function StepFields({
  step,
  index,
  issues,
  onChange,
  onCommit,
}: {
  step: DataProcessStep;
  index: number;
  issues: readonly ValidationIssue[];
  onChange: (next: DataProcessStep, commit: boolean) => void;
  onCommit: () => void;
}) {
  const n = index + 1;
  const at = (field: string) => ({ issues, field: `steps/${index}/${field}`, onCommit });
  switch (step.type) {
    case 'split':
      return (
        <>
          <TextField
            label="Array path"
            name={`Step ${n} array path`}
            value={step.path}
            placeholder="$ or items"
            onChange={(path) => onChange({ ...step, path }, false)}
            {...at('path')}
          />
          <IntegerField
            label="Batch count"
            name={`Step ${n} batch count`}
            value={step.batchCount}
            onChange={(batchCount) => onChange({ ...step, batchCount }, false)}
            {...at('batchCount')}
          />
        </>
      );
    case 'custom-script':
      return (
        <TextField
          label="Script"
          name={`Step ${n} script`}
          value={step.source}
          multiline
          rows={10}
          code
          placeholder="return documents.map((d) => d);"
          onChange={(source) => onChange({ ...step, source }, false)}
          {...at('source')}
        />
      );
    case 'search-replace':
      return (
        <>
          <TextField
            label="Search for"
            name={`Step ${n} search for`}
            value={step.search}
            onChange={(search) => onChange({ ...step, search }, false)}
            {...at('search')}
          />
          <TextField
            label="Replace with"
            name={`Step ${n} replace with`}
            value={step.replace}
            onChange={(replace) => onChange({ ...step, replace }, false)}
            {...at('replace')}
          />
          <CheckboxField
            label={`Step ${n}: search is a regular expression`}
            checked={step.regex}
            onChange={(regex) => onChange({ ...step, regex }, true)}
          />
        </>
      );
    default:
      return null;
  }
}

/** Data Process: ordered steps, each working on the previous step's output. */
export function DataProcessForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'data-process'>) {
  const [addType, setAddType] = useState<StepType>('split');
  const steps = config.steps;
  const setSteps = (next: DataProcessStep[], commit: boolean) => onChange({ steps: next }, commit);
  return (
    <fieldset>
      <legend>Steps</legend>
      {steps.map((step, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity of their own
        <fieldset key={index}>
          <legend>
            Step {index + 1}: {STEP_TYPES.find((t) => t.value === step.type)?.label}
          </legend>
          <StepFields
            step={step}
            index={index}
            issues={issues}
            onChange={(next, commit) => setSteps(replaceAt(steps, index, next), commit)}
            onCommit={onCommit}
          />
          <RowActions
            item={`step ${index + 1}`}
            index={index}
            count={steps.length}
            onMove={(delta) => setSteps(moveAt(steps, index, delta), true)}
            onRemove={() => setSteps(removeAt(steps, index), true)}
          />
        </fieldset>
      ))}
      <FieldIssues issues={issues} field="steps" />
      <SelectField
        label="New step type"
        value={addType}
        choices={STEP_TYPES}
        onChange={setAddType}
      />
      <button type="button" onClick={() => setSteps([...steps, newStep(addType)], true)}>
        Add step
      </button>
    </fieldset>
  );
}
