import type { PropertyAssignment } from '@junction/process-model';
import { FieldIssues } from '../field-issues.tsx';
import { ParameterValueList } from '../parameter-value-input.tsx';
import { CheckboxField, SelectField, TextField } from './fields.tsx';
import type { ConfigFormProps } from './form-props.ts';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';
import { RowActions } from './row-actions.tsx';

const TARGETS = [
  { value: 'dynamic-document', label: 'Dynamic document property' },
  { value: 'dynamic-process', label: 'Dynamic process property' },
] as const;

/** Keeps name and value parts when the target changes; only process properties persist. */
function retarget(p: PropertyAssignment, target: PropertyAssignment['target']): PropertyAssignment {
  return target === 'dynamic-process'
    ? { target, name: p.name, persist: p.target === 'dynamic-process' && p.persist, parts: p.parts }
    : { target, name: p.name, parts: p.parts };
}

/** Set Properties: each property's value is the concatenation of its parts, in order. */
export function SetPropertiesForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'set-properties'>) {
  const rows = config.properties;
  const setRows = (properties: PropertyAssignment[], commit: boolean) =>
    onChange({ properties }, commit);
  const setRow = (index: number, next: PropertyAssignment, commit: boolean) =>
    setRows(replaceAt(rows, index, next), commit);
  return (
    <fieldset>
      <legend>Properties</legend>
      {rows.map((p, index) => {
        const owner = `property ${index + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <fieldset key={index}>
            <legend>Property {index + 1}</legend>
            <SelectField
              label="Target"
              name={`Property ${index + 1} target`}
              value={p.target}
              choices={TARGETS}
              onChange={(target) => setRow(index, retarget(p, target), true)}
            />
            <TextField
              label="Name"
              name={`Property ${index + 1} name`}
              value={p.name}
              onChange={(name) => setRow(index, { ...p, name }, false)}
              onCommit={onCommit}
              issues={issues}
              field={`properties/${index}/name`}
            />
            {p.target === 'dynamic-process' && (
              <CheckboxField
                label={`Persist property ${index + 1} for the next execution`}
                checked={p.persist}
                onChange={(persist) => setRow(index, { ...p, persist }, true)}
              />
            )}
            <ParameterValueList
              legend="Value parts"
              noun="value part"
              owner={owner}
              hint="Joined in order into the property's value."
              values={p.parts}
              onChange={(parts, commit) => setRow(index, { ...p, parts }, commit)}
              onCommit={onCommit}
              issues={issues}
              field={`properties/${index}/parts`}
            />
            <RowActions
              item={owner}
              index={index}
              count={rows.length}
              onMove={(delta) => setRows(moveAt(rows, index, delta), true)}
              onRemove={() => setRows(removeAt(rows, index), true)}
            />
          </fieldset>
        );
      })}
      <FieldIssues issues={issues} field="properties" />
      <button
        type="button"
        onClick={() =>
          setRows([...rows, { target: 'dynamic-document', name: '', parts: [] }], true)
        }
      >
        Add property
      </button>
    </fieldset>
  );
}
