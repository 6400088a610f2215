import type { EnvironmentClassification } from '@junction/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Select } from '../../ui/select.tsx';
import {
  CLASSIFICATION_TEXT,
  createEnvironmentRequest,
  deploymentKeys,
} from './deployment-queries.ts';

/** Creates an environment; Boomi classifies each as Test or Production. */
export function EnvironmentForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [classification, setClassification] = useState<EnvironmentClassification>('TEST');
  const classificationId = useId();
  const create = useMutation({
    mutationFn: createEnvironmentRequest,
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.environments });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), classification });
  };
  return (
    <form onSubmit={submit} aria-label="New environment" className="row">
      <label>
        Environment name{' '}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label htmlFor={classificationId}>
        Classification{' '}
        <Select
          id={classificationId}
          value={classification}
          onChange={setClassification}
          choices={(Object.keys(CLASSIFICATION_TEXT) as EnvironmentClassification[]).map((c) => ({
            value: c,
            label: CLASSIFICATION_TEXT[c],
          }))}
        />
      </label>
      <button type="submit" disabled={create.isPending}>
        Create environment
      </button>
      {create.error && (
        <span role="alert" className="is-error">
          {create.error.message}
        </span>
      )}
    </form>
  );
}
