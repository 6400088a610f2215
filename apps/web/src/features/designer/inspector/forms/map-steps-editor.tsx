import type { MapFunctionName, MapFunctionStep, ValidationIssue } from '@junction/process-model';
import { FieldIssues } from '../field-issues.tsx';
import { type Choice, SelectField } from './fields.tsx';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';
import { StepFields } from './map-step-fields.tsx';
import { RowActions } from './row-actions.tsx';

/** The functions in the order the chooser lists them: text, numbers, dates, tables. */
const FUNCTIONS: readonly Choice<MapFunctionName>[] = [
  { value: 'upper', label: 'Upper case' },
  { value: 'lower', label: 'Lower case' },
  { value: 'trim', label: 'Trim spaces' },
  { value: 'concat', label: 'Append (concatenate)' },
  { value: 'substring', label: 'Substring' },
  { value: 'replace', label: 'Replace text' },
  { value: 'pad', label: 'Pad' },
  { value: 'add', label: 'Add' },
  { value: 'subtract', label: 'Subtract' },
  { value: 'multiply', label: 'Multiply' },
  { value: 'divide', label: 'Divide' },
  { value: 'round', label: 'Round' },
  { value: 'format-number', label: 'Format number' },
  { value: 'parse-date', label: 'Parse date' },
  { value: 'format-date', label: 'Format date' },
  { value: 'lookup', label: 'Lookup table' },
  { value: 'default', label: 'Default when empty' },
];

/** A new step of `fn` with arguments that validate or say what is missing. */
export function newStep(fn: MapFunctionName): MapFunctionStep {
  switch (fn) {
    case 'concat':
      return { fn, parts: [], separator: '' };
    case 'substring':
      return { fn, start: 0 };
    case 'replace':
      return { fn, search: '', replacement: '' };
    case 'pad':
      return { fn, side: 'start', length: 10, fill: ' ' };
    case 'add':
    case 'subtract':
    case 'multiply':
    case 'divide':
      return { fn, operand: { type: 'constant', value: '1' } };
    case 'round':
      return { fn, places: 2 };
    case 'format-number':
      return { fn, decimals: 2 };
    case 'parse-date':
    case 'format-date':
      return { fn, format: 'yyyy-MM-dd' };
    case 'lookup':
      return { fn, table: [] };
    case 'default':
      return { fn, value: '' };
    default:
      return { fn };
  }
}

/** The row with these functions; a row without any is written as before functions existed. */
export function rowWithSteps<R extends { steps?: MapFunctionStep[] }>(
  row: R,
  steps: MapFunctionStep[],
): R {
  const { steps: _, ...plain } = row;
  return (steps.length > 0 ? { ...plain, steps } : plain) as R;
}

/**
 * A mapping row's map functions: an ordered list the value goes through between
 * the source and the target field. Every control has a label naming its row and
 * step ("Mapping 2 step 1 function"), so it is reachable and announced by name.
 */
export function MapStepsEditor({
  row,
  steps,
  issues,
  onChange,
  onCommit,
}: {
  /** 0-based index of the mapping row. */
  row: number;
  steps: readonly MapFunctionStep[];
  issues: readonly ValidationIssue[];
  onChange: (steps: MapFunctionStep[], commit: boolean) => void;
  onCommit: () => void;
}) {
  const mapping = `Mapping ${row + 1}`;
  return (
    <fieldset>
      <legend>{mapping} functions</legend>
      {steps.map((step, j) => {
        const name = `${mapping} step ${j + 1}`;
        const at = `mappings/${row}/steps/${j}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity of their own
          <div key={j} className="map-step">
            <SelectField
              label={`${name} function`}
              value={step.fn}
              choices={FUNCTIONS}
              onChange={(fn) => onChange(replaceAt(steps, j, newStep(fn)), true)}
            />
            <StepFields
              step={step}
              name={name}
              at={at}
              issues={issues}
              onChange={(next, commit) => onChange(replaceAt(steps, j, next), commit)}
              onCommit={onCommit}
            />
            <FieldIssues issues={issues} field={at} />
            <RowActions
              item={`${mapping.toLowerCase()} step ${j + 1}`}
              index={j}
              count={steps.length}
              onMove={(delta) => onChange(moveAt(steps, j, delta), true)}
              onRemove={() => onChange(removeAt(steps, j), true)}
            />
          </div>
        );
      })}
      <FieldIssues issues={issues} field={`mappings/${row}/steps`} />
      <button type="button" onClick={() => onChange([...steps, newStep('upper')], true)}>
        Add function to {mapping.toLowerCase()}
      </button>
    </fieldset>
  );
}
