import type { ParameterValue, ValidationIssue } from '@junction/process-model';
import { ParameterValueList } from '../parameter-value-input.tsx';
import { CheckboxField, SelectField, TextField } from './fields.tsx';
import type { ConfigFormProps } from './form-props.ts';

function CacheName({
  value,
  onChange,
  onCommit,
  issues,
  label = 'Cache',
}: {
  value: string;
  onChange: (cache: string) => void;
  onCommit: () => void;
  issues: readonly ValidationIssue[];
  label?: string;
}) {
  return (
    <TextField
      label={label}
      value={value}
      placeholder="cache name"
      onChange={onChange}
      onCommit={onCommit}
      issues={issues}
      field="cache"
    />
  );
}

function CacheKey({
  values,
  onChange,
  onCommit,
  issues,
}: {
  values: readonly ParameterValue[];
  onChange: (next: ParameterValue[], commit: boolean) => void;
  onCommit: () => void;
  issues: readonly ValidationIssue[];
}) {
  return (
    <ParameterValueList
      legend="Key"
      noun="key part"
      hint="The key is these parts joined in order."
      values={values}
      onChange={onChange}
      onCommit={onCommit}
      issues={issues}
      field="key"
    />
  );
}

/** Add to Cache: keeps each document under its key for this execution. */
export function AddToCacheForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'add-to-cache'>) {
  return (
    <>
      <CacheName
        value={config.cache}
        onChange={(cache) => onChange({ ...config, cache }, false)}
        onCommit={onCommit}
        issues={issues}
      />
      <CacheKey
        values={config.key}
        onChange={(key, commit) => onChange({ ...config, key }, commit)}
        onCommit={onCommit}
        issues={issues}
      />
    </>
  );
}

const MISSING = [
  { value: 'stop', label: 'Stop document execution' },
  { value: 'fail', label: 'Fail document with errors' },
] as const;

/** What Retrieve and Remove share: a cache, and either every document or one key. */
interface CacheLookup {
  cache: string;
  allDocuments: boolean;
  key: ParameterValue[];
}

function CacheLookupFields<C extends CacheLookup>({
  config,
  allLabel,
  issues,
  onChange,
  onCommit,
}: {
  config: C;
  allLabel: string;
  issues: readonly ValidationIssue[];
  onChange: (next: C, commit: boolean) => void;
  onCommit: () => void;
}) {
  return (
    <>
      <CacheName
        value={config.cache}
        onChange={(cache) => onChange({ ...config, cache }, false)}
        onCommit={onCommit}
        issues={issues}
      />
      <CheckboxField
        label={allLabel}
        checked={config.allDocuments}
        onChange={(allDocuments) => onChange({ ...config, allDocuments }, true)}
      />
      <CacheKey
        values={config.key}
        onChange={(key, commit) => onChange({ ...config, key }, commit)}
        onCommit={onCommit}
        issues={issues}
      />
    </>
  );
}

/** Retrieve From Cache: replaces each document with the cached ones for its key. */
export function RetrieveFromCacheForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'retrieve-from-cache'>) {
  return (
    <>
      <CacheLookupFields
        config={config}
        allLabel="All documents (ignore the key)"
        issues={issues}
        onChange={onChange}
        onCommit={onCommit}
      />
      <SelectField
        label="When nothing is cached"
        value={config.failIfMissing ? 'fail' : 'stop'}
        choices={MISSING}
        onChange={(v) => onChange({ ...config, failIfMissing: v === 'fail' }, true)}
      />
    </>
  );
}

/** Remove From Cache: drops cached documents by key, or the whole cache. */
export function RemoveFromCacheForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'remove-from-cache'>) {
  return (
    <CacheLookupFields
      config={config}
      allLabel="All documents (empty the cache)"
      issues={issues}
      onChange={onChange}
      onCommit={onCommit}
    />
  );
}

/** Find Changes: compares records with the snapshot the last execution kept. */
export function FindChangesForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'find-changes'>) {
  return (
    <>
      <CacheName
        label="Snapshot name"
        value={config.cache}
        onChange={(cache) => onChange({ ...config, cache }, false)}
        onCommit={onCommit}
        issues={issues}
      />
      <TextField
        label="Record key path"
        value={config.keyPath}
        placeholder="e.g. id"
        onChange={(keyPath) => onChange({ ...config, keyPath }, false)}
        onCommit={onCommit}
        issues={issues}
        field="keyPath"
      />
    </>
  );
}
