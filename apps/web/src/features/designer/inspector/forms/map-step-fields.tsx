import type { MapFunctionStep, MapOperand, ValidationIssue } from '@junction/process-model';
import { CheckboxField, type Choice, SelectField, TextField } from './fields.tsx';
import { IntegerField, OptionalIntegerField } from './integer-fields.tsx';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';
import { RowActions } from './row-actions.tsx';

export interface StepFieldsProps<S extends MapFunctionStep = MapFunctionStep> {
  step: S;
  /** Names the step for labels: "Mapping 2 step 1". */
  name: string;
  /** The step's pointer below config: `mappings/1/steps/0`. */
  at: string;
  issues: readonly ValidationIssue[];
  onChange: (step: MapFunctionStep, commit: boolean) => void;
  onCommit: () => void;
}

const OPERAND_KINDS: readonly Choice<MapOperand['type']>[] = [
  { value: 'field', label: 'Source field' },
  { value: 'constant', label: 'Constant' },
];

/** A value a step combines with: a kind chooser and the field path or constant text. */
function OperandField({
  operand,
  name,
  at,
  issues,
  onChange,
  onCommit,
}: {
  operand: MapOperand;
  name: string;
  at: string;
  issues: readonly ValidationIssue[];
  onChange: (operand: MapOperand, commit: boolean) => void;
  onCommit: () => void;
}) {
  const text = operand.type === 'field' ? operand.path : operand.value;
  return (
    <>
      <SelectField
        label={`${name} kind`}
        value={operand.type}
        choices={OPERAND_KINDS}
        onChange={(type) =>
          onChange(type === 'field' ? { type, path: text } : { type, value: text }, true)
        }
      />
      <TextField
        label={operand.type === 'field' ? `${name} field` : `${name} value`}
        value={text}
        placeholder={operand.type === 'field' ? 'e.g. order.price' : 'e.g. 10'}
        onChange={(value) =>
          onChange(
            operand.type === 'field' ? { type: 'field', path: value } : { type: 'constant', value },
            false,
          )
        }
        onCommit={onCommit}
        issues={issues}
        field={`${at}/${operand.type === 'field' ? 'path' : 'value'}`}
      />
    </>
  );
}

const SIDES: readonly Choice<'start' | 'end'>[] = [
  { value: 'start', label: 'Start' },
  { value: 'end', label: 'End' },
];

/** The arguments of one map function step; functions without arguments show none. */
export function StepFields(props: StepFieldsProps) {
  const { step, name, at, issues, onChange, onCommit } = props;
  const text = (
    label: string,
    key: string,
    value: string,
    update: (v: string) => MapFunctionStep,
  ) => (
    <TextField
      label={`${name} ${label}`}
      value={value}
      onChange={(v) => onChange(update(v), false)}
      onCommit={onCommit}
      issues={issues}
      field={`${at}/${key}`}
    />
  );
  const integer = (
    label: string,
    key: string,
    value: number,
    update: (n: number) => MapFunctionStep,
  ) => (
    <IntegerField
      label={`${name} ${label}`}
      value={value}
      onChange={(n) => onChange(update(n), false)}
      onCommit={onCommit}
      issues={issues}
      field={`${at}/${key}`}
    />
  );
  switch (step.fn) {
    case 'concat':
      return <ConcatFields {...props} step={step} />;
    case 'substring':
      return (
        <>
          {integer('start', 'start', step.start, (start) => ({ ...step, start }))}
          <OptionalIntegerField
            label={`${name} length`}
            value={step.length}
            onChange={(length) => {
              const { length: _, ...rest } = step;
              onChange(length === undefined ? rest : { ...rest, length }, false);
            }}
            onCommit={onCommit}
            issues={issues}
            field={`${at}/length`}
          />
        </>
      );
    case 'replace':
      return (
        <>
          {text('text to replace', 'search', step.search, (search) => ({ ...step, search }))}
          {text('replacement', 'replacement', step.replacement, (replacement) => ({
            ...step,
            replacement,
          }))}
        </>
      );
    case 'pad':
      return (
        <>
          <SelectField
            label={`${name} side`}
            value={step.side}
            choices={SIDES}
            onChange={(side) => onChange({ ...step, side }, true)}
          />
          {integer('length', 'length', step.length, (length) => ({ ...step, length }))}
          {text('fill', 'fill', step.fill, (fill) => ({ ...step, fill }))}
        </>
      );
    case 'add':
    case 'subtract':
    case 'multiply':
    case 'divide':
      return (
        <OperandField
          operand={step.operand}
          name={`${name} operand`}
          at={`${at}/operand`}
          issues={issues}
          onChange={(operand, commit) => onChange({ ...step, operand }, commit)}
          onCommit={onCommit}
        />
      );
    case 'round':
      return integer('decimal places', 'places', step.places, (places) => ({ ...step, places }));
    case 'format-number':
      return integer('decimals', 'decimals', step.decimals, (decimals) => ({ ...step, decimals }));
    case 'parse-date':
    case 'format-date':
      return text('date mask', 'format', step.format, (format) => ({ ...step, format }));
    case 'lookup':
      return <LookupFields {...props} step={step} />;
    case 'default':
      return text('value', 'value', step.value, (value) => ({ ...step, value }));
    default:
      return null;
  }
}

function ConcatFields({
  step,
  name,
  at,
  issues,
  onChange,
  onCommit,
}: StepFieldsProps<Extract<MapFunctionStep, { fn: 'concat' }>>) {
  const setParts = (parts: MapOperand[], commit: boolean) => onChange({ ...step, parts }, commit);
  return (
    <>
      <TextField
        label={`${name} separator`}
        value={step.separator}
        onChange={(separator) => onChange({ ...step, separator }, false)}
        onCommit={onCommit}
        issues={issues}
        field={`${at}/separator`}
      />
      {step.parts.map((part, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity of their own
        <div key={k} className="parameters__row">
          <OperandField
            operand={part}
            name={`${name} part ${k + 1}`}
            at={`${at}/parts/${k}`}
            issues={issues}
            onChange={(operand, commit) => setParts(replaceAt(step.parts, k, operand), commit)}
            onCommit={onCommit}
          />
          <RowActions
            item={`${name} part ${k + 1}`}
            index={k}
            count={step.parts.length}
            onMove={(delta) => setParts(moveAt(step.parts, k, delta), true)}
            onRemove={() => setParts(removeAt(step.parts, k), true)}
          />
        </div>
      ))}
      <button
        type="button"
        onClick={() => setParts([...step.parts, { type: 'constant', value: '' }], true)}
      >
        Add part to {name.toLowerCase()}
      </button>
    </>
  );
}

function LookupFields({
  step,
  name,
  at,
  issues,
  onChange,
  onCommit,
}: StepFieldsProps<Extract<MapFunctionStep, { fn: 'lookup' }>>) {
  type Entry = (typeof step.table)[number];
  const setTable = (table: Entry[], commit: boolean) => onChange({ ...step, table }, commit);
  return (
    <>
      {step.table.map((entry, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity of their own
        <div key={k} className="parameters__row">
          <TextField
            label={`${name} key ${k + 1}`}
            value={entry.key}
            onChange={(key) => setTable(replaceAt(step.table, k, { ...entry, key }), false)}
            onCommit={onCommit}
            issues={issues}
            field={`${at}/table/${k}/key`}
          />
          <TextField
            label={`${name} value ${k + 1}`}
            value={entry.value}
            onChange={(value) => setTable(replaceAt(step.table, k, { ...entry, value }), false)}
            onCommit={onCommit}
            issues={issues}
            field={`${at}/table/${k}/value`}
          />
          <RowActions
            item={`${name} entry ${k + 1}`}
            index={k}
            count={step.table.length}
            onMove={(delta) => setTable(moveAt(step.table, k, delta), true)}
            onRemove={() => setTable(removeAt(step.table, k), true)}
          />
        </div>
      ))}
      <button type="button" onClick={() => setTable([...step.table, { key: '', value: '' }], true)}>
        Add entry to {name.toLowerCase()}
      </button>
      <CheckboxField
        label={`${name}: use a default when not found`}
        checked={step.default !== undefined}
        onChange={(on) => {
          const { default: _, ...rest } = step;
          onChange(on ? { ...rest, default: '' } : rest, true);
        }}
      />
      {step.default !== undefined && (
        <TextField
          label={`${name} default`}
          value={step.default}
          onChange={(value) => onChange({ ...step, default: value }, false)}
          onCommit={onCommit}
          issues={issues}
          field={`${at}/default`}
        />
      )}
    </>
  );
}
