import type { Parameter } from '@junction/process-model';
import { useId } from 'react';
import { Select } from '../../../ui/select.tsx';
import { VALUE_TYPES, valueText, withText } from './parameter-value.ts';

/** The Parameters tab: each operation input and where its value comes from at run time. */
export function ParametersEditor({
  parameters,
  onChange,
  onCommit,
  hint = 'No parameters. List filters: a field name and its value, or “filter” with RQL.',
  suggestions = [],
}: {
  parameters: readonly Parameter[];
  onChange: (next: Parameter[]) => void;
  onCommit: () => void;
  /** What to say while there are none. */
  hint?: string;
  /** Names the operation takes, offered while typing a name (other names may still fit). */
  suggestions?: readonly string[];
}) {
  const listId = useId();
  const update = (index: number, next: Parameter) =>
    onChange(parameters.map((p, i) => (i === index ? next : p)));
  return (
    <fieldset className="parameters">
      <legend>Parameters</legend>
      {parameters.length === 0 && <p className="hint">{hint}</p>}
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      )}
      {parameters.map((p, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <div className="parameters__row" key={index}>
          <input
            aria-label={`Parameter ${index + 1} name`}
            value={p.name}
            placeholder="name"
            list={suggestions.length > 0 ? listId : undefined}
            onChange={(e) => update(index, { ...p, name: e.target.value })}
            onBlur={onCommit}
          />
          <Select
            label={`Parameter ${index + 1} source`}
            value={p.value.type}
            onChange={(type) => {
              update(index, { ...p, value: withText(type, valueText(p.value)) });
              onCommit();
            }}
            choices={VALUE_TYPES}
          />
          <input
            aria-label={`Parameter ${index + 1} value`}
            value={valueText(p.value)}
            placeholder="value"
            onChange={(e) => update(index, { ...p, value: withText(p.value.type, e.target.value) })}
            onBlur={onCommit}
          />
          <button
            type="button"
            aria-label={`Remove parameter ${index + 1}`}
            onClick={() => {
              onChange(parameters.filter((_, i) => i !== index));
              onCommit();
            }}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          onChange([...parameters, { name: '', value: { type: 'static', value: '' } }]);
          onCommit();
        }}
      >
        Add parameter
      </button>
    </fieldset>
  );
}
