import type { ValidationIssue } from '@junction/process-model';
import { FieldIssues } from '../field-issues.tsx';
import { TextField } from './fields.tsx';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';
import { capitalize, RowActions } from './row-actions.tsx';

/** An ordered list of strings (route keys, arguments, return paths). */
export function StringListField({
  legend,
  noun,
  items,
  onChange,
  onCommit,
  issues,
  field,
  placeholder,
  hint,
}: {
  legend: string;
  /** One item, lower case: "route key" gives "Route key 2", "Add route key". */
  noun: string;
  items: readonly string[];
  onChange: (next: string[], commit: boolean) => void;
  onCommit: () => void;
  issues: readonly ValidationIssue[];
  /** The list's pointer below `config`, e.g. `keys`. */
  field: string;
  placeholder?: string;
  hint?: string;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <div key={index}>
          <TextField
            label={`${capitalize(noun)} ${index + 1}`}
            value={item}
            onChange={(v) => onChange(replaceAt(items, index, v), false)}
            onCommit={onCommit}
            issues={issues}
            field={`${field}/${index}`}
            {...(placeholder !== undefined ? { placeholder } : {})}
          />
          <RowActions
            item={`${noun} ${index + 1}`}
            index={index}
            count={items.length}
            onMove={(delta) => onChange(moveAt(items, index, delta), true)}
            onRemove={() => onChange(removeAt(items, index), true)}
          />
        </div>
      ))}
      <FieldIssues issues={issues} field={field} />
      <button type="button" onClick={() => onChange([...items, ''], true)}>
        Add {noun}
      </button>
    </fieldset>
  );
}
