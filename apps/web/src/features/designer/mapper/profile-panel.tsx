import type { JsonSchemaProfile, ProfileType } from '@junction/process-model';
import { useId, useState } from 'react';
import { Select } from '../../../ui/select.tsx';
import { addProfileField, inferProfile } from './profile-fields.ts';

const TYPES: readonly ProfileType[] = ['string', 'number', 'integer', 'boolean', 'object', 'array'];

/**
 * How one side of the mapper gets its profile: inferred from a pasted sample, or
 * typed field by field. Every control is labelled with its side ("Source sample
 * JSON", "Add target field") so both panels can be told apart by name.
 */
export function ProfilePanel({
  side,
  profile,
  sample,
  onProfile,
  onSample,
}: {
  side: 'Source' | 'Target';
  profile: JsonSchemaProfile | null;
  sample: string;
  onProfile: (profile: JsonSchemaProfile) => void;
  onSample: (sample: string) => void;
}) {
  const lower = side.toLowerCase();
  const [path, setPath] = useState('');
  const [type, setType] = useState<ProfileType>('string');
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const typeId = useId();
  const infer = () => {
    const inferred = inferProfile(sample);
    setProblem(inferred.ok ? null : inferred.error);
    if (inferred.ok) {
      onProfile(inferred.value);
    }
  };
  const add = () => {
    const added = addProfileField(profile, path, type);
    setProblem(added.ok ? null : added.error);
    if (added.ok) {
      onProfile(added.value);
      setPath('');
    }
  };
  return (
    <details className="mapper-profile" open={profile === null}>
      <summary>{side} profile</summary>
      <label>
        {side} sample JSON
        <textarea
          className="code"
          rows={5}
          value={sample}
          aria-describedby={problem ? problemId : undefined}
          onChange={(e) => onSample(e.target.value)}
        />
      </label>
      <button type="button" onClick={infer}>
        Infer {lower} profile
      </button>
      <div className="row">
        <label>
          New {lower} field path
          <input
            value={path}
            placeholder="e.g. customer.name"
            onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                add();
              }
            }}
          />
        </label>
        <label htmlFor={typeId}>
          New {lower} field type
          <Select
            id={typeId}
            value={type}
            onChange={setType}
            choices={TYPES.map((t) => ({ value: t, label: t }))}
          />
        </label>
        <button type="button" onClick={add}>
          Add {lower} field
        </button>
      </div>
      {problem && (
        <p role="alert" id={problemId} className="is-error">
          {problem}
        </p>
      )}
    </details>
  );
}
