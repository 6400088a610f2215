import type { CleanseFieldRule } from '@junction/process-model';
import { FieldIssues } from '../field-issues.tsx';
import { CheckboxField, type Choice, SelectField, TextField } from './fields.tsx';
import type { ConfigFormProps } from './form-props.ts';
import { OptionalIntegerField } from './integer-fields.tsx';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';
import { RowActions } from './row-actions.tsx';

const TYPES: readonly Choice<CleanseFieldRule['type']>[] = [
  { value: 'any', label: 'Any' },
  { value: 'string', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Boolean' },
  { value: 'date', label: 'Date' },
];

// exactOptionalPropertyTypes: a cleared limit or default is absent, never undefined.
function withMinLength(rule: CleanseFieldRule, value: number | undefined): CleanseFieldRule {
  const { minLength: _, ...rest } = rule;
  return value === undefined ? rest : { ...rest, minLength: value };
}

function withMaxLength(rule: CleanseFieldRule, value: number | undefined): CleanseFieldRule {
  const { maxLength: _, ...rest } = rule;
  return value === undefined ? rest : { ...rest, maxLength: value };
}

function withDefault(rule: CleanseFieldRule, value: string): CleanseFieldRule {
  const { defaultValue: _, ...rest } = rule;
  return value === '' ? rest : { ...rest, defaultValue: value };
}

function withFormat(rule: CleanseFieldRule, value: string): CleanseFieldRule {
  const { format: _, ...rest } = rule;
  return value === '' ? rest : { ...rest, format: value };
}

/** Cleanse: repairs first (trim, default), then rejects what still breaks a rule. */
export function CleanseForm({ config, issues, onChange, onCommit }: ConfigFormProps<'cleanse'>) {
  const fields = config.fields;
  const setFields = (next: CleanseFieldRule[], commit: boolean) =>
    onChange({ fields: next }, commit);
  const setField = (index: number, next: CleanseFieldRule, commit: boolean) =>
    setFields(replaceAt(fields, index, next), commit);
  return (
    <fieldset>
      <legend>Field rules</legend>
      {fields.map((rule, index) => {
        const n = index + 1;
        const at = (field: string) => ({ issues, field: `fields/${index}/${field}`, onCommit });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity of their own
          <fieldset key={index}>
            <legend>Field rule {n}</legend>
            <TextField
              label="Field path"
              name={`Field rule ${n} path`}
              value={rule.path}
              placeholder="e.g. customer.email"
              onChange={(path) => setField(index, { ...rule, path }, false)}
              {...at('path')}
            />
            <SelectField
              label="Type"
              name={`Field rule ${n} type`}
              value={rule.type}
              choices={TYPES}
              // A mask means nothing to other types: drop it rather than keep it hidden.
              onChange={(type) =>
                setField(
                  index,
                  type === 'date' ? { ...rule, type } : withFormat({ ...rule, type }, ''),
                  true,
                )
              }
            />
            {rule.type === 'date' && (
              <TextField
                label="Date format"
                name={`Field rule ${n} date format`}
                value={rule.format ?? ''}
                placeholder="date mask, e.g. MM/dd/yyyy (empty: ISO 8601)"
                onChange={(v) => setField(index, withFormat(rule, v), false)}
                {...at('format')}
              />
            )}
            <CheckboxField
              label={`Field rule ${n}: required`}
              checked={rule.required}
              onChange={(required) => setField(index, { ...rule, required }, true)}
            />
            <CheckboxField
              label={`Field rule ${n}: trim spaces`}
              checked={rule.trim}
              onChange={(trim) => setField(index, { ...rule, trim }, true)}
            />
            <OptionalIntegerField
              label="Minimum length"
              name={`Field rule ${n} minimum length`}
              value={rule.minLength}
              onChange={(v) => setField(index, withMinLength(rule, v), false)}
              {...at('minLength')}
            />
            <OptionalIntegerField
              label="Maximum length"
              name={`Field rule ${n} maximum length`}
              value={rule.maxLength}
              onChange={(v) => setField(index, withMaxLength(rule, v), false)}
              {...at('maxLength')}
            />
            <TextField
              label="Default value"
              name={`Field rule ${n} default value`}
              value={rule.defaultValue ?? ''}
              placeholder="none"
              onChange={(v) => setField(index, withDefault(rule, v), false)}
              {...at('defaultValue')}
            />
            <RowActions
              item={`field rule ${n}`}
              index={index}
              count={fields.length}
              onMove={(delta) => setFields(moveAt(fields, index, delta), true)}
              onRemove={() => setFields(removeAt(fields, index), true)}
            />
          </fieldset>
        );
      })}
      <FieldIssues issues={issues} field="fields" />
      <button
        type="button"
        onClick={() =>
          setFields([...fields, { path: '', required: false, type: 'any', trim: false }], true)
        }
      >
        Add field rule
      </button>
    </fieldset>
  );
}
