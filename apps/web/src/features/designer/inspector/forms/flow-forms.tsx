import { MAX_PARALLEL_UNITS, MAX_RETRIES } from '@junction/process-model';
import { CheckboxField, SelectField, TextField } from './fields.tsx';
import type { ConfigFormProps } from './form-props.ts';
import { IntegerField } from './integer-fields.tsx';

const TRIGGERS = [
  { value: 'document', label: 'Document errors' },
  { value: 'all', label: 'All errors' },
] as const;

/** Try/Catch: failed documents go down Catch, after up to five retries of Try. */
export function TryCatchForm({ config, issues, onChange, onCommit }: ConfigFormProps<'try-catch'>) {
  return (
    <>
      <IntegerField
        label={`Retry count (0–${MAX_RETRIES})`}
        value={config.retryCount}
        onChange={(retryCount) => onChange({ ...config, retryCount }, false)}
        onCommit={onCommit}
        issues={issues}
        field="retryCount"
      />
      <SelectField
        label="Failure trigger"
        value={config.trigger}
        choices={TRIGGERS}
        onChange={(trigger) => onChange({ ...config, trigger }, true)}
      />
    </>
  );
}

const BATCHING = [
  { value: 'none', label: 'No document batching' },
  { value: 'per-document', label: 'Run each document individually' },
  { value: 'batch', label: 'Run as batches of documents' },
] as const;

/** Flow Control: how the rest of the path is batched and split over parallel units. */
export function FlowControlForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'flow-control'>) {
  return (
    <>
      <SelectField
        label="Batching"
        value={config.batching}
        choices={BATCHING}
        onChange={(batching) => onChange({ ...config, batching }, true)}
        issues={issues}
        field="batching"
      />
      <IntegerField
        label="Documents per batch"
        value={config.batchSize}
        disabled={config.batching !== 'batch'}
        onChange={(batchSize) => onChange({ ...config, batchSize }, false)}
        onCommit={onCommit}
        issues={issues}
        field="batchSize"
      />
      <IntegerField
        label={`Parallel units (1–${MAX_PARALLEL_UNITS})`}
        value={config.parallelUnits}
        onChange={(parallelUnits) => onChange({ ...config, parallelUnits }, false)}
        onCommit={onCommit}
        issues={issues}
        field="parallelUnits"
      />
    </>
  );
}

/** Return Documents: the label is the path name the calling Process Call shows. */
export function ReturnDocumentsForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'return-documents'>) {
  return (
    <TextField
      label="Return path label"
      value={config.label}
      onChange={(label) => onChange({ label }, false)}
      onCommit={onCommit}
      issues={issues}
      field="label"
    />
  );
}

/** Stop: end this path only, or end the whole run. */
export function StopForm({ config, onChange }: ConfigFormProps<'stop'>) {
  return (
    <CheckboxField
      label="End and return (finish the whole run)"
      checked={config.endAndReturn}
      onChange={(endAndReturn) => onChange({ endAndReturn }, true)}
    />
  );
}
