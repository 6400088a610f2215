import type { ProcessDocument } from '@junction/process-model';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Select } from '../../../../ui/select.tsx';
import { processListQuery, processQuery } from '../../../processes/process-queries.ts';
import { useEditor } from '../../store/editor-context.ts';
import { FieldIssues } from '../field-issues.tsx';
import { CheckboxField } from './fields.tsx';
import type { ConfigFormProps } from './form-props.ts';
import { StringListField } from './string-list-field.tsx';

/** The labels of a child's Return Documents shapes, in the child's order, once each. */
export function childReturnPaths(child: ProcessDocument): string[] {
  const labels = Object.values(child.shapes).flatMap((s) =>
    s.kind === 'return-documents' ? [s.config.label] : [],
  );
  return [...new Set(labels)];
}

/** Process Call: the child process, how the parent waits for it, and its return paths. */
export function ProcessCallForm({
  config,
  issues,
  onChange,
  onCommit,
}: ConfigFormProps<'process-call'>) {
  const selfId = useEditor((s) => s.document.id);
  const processes = useQuery(processListQuery(''));
  const queryClient = useQueryClient();
  const [loading, setLoading] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // A process cannot call itself, so it is not offered.
  const choices = (processes.data?.items ?? []).filter((p) => p.id !== selfId);
  const known = config.processId === '' || choices.some((p) => p.id === config.processId);

  // The child's return paths are copied with the choice, so both are one undo step.
  const choose = async (processId: string) => {
    setLoadError(null);
    if (processId === '') {
      onChange({ ...config, processId, returnPaths: [] }, true);
      return;
    }
    setLoading(processId);
    try {
      const child = await queryClient.fetchQuery(processQuery(processId));
      onChange({ ...config, processId, returnPaths: childReturnPaths(child.document) }, true);
    } catch (error) {
      setLoadError(`Could not read the process's return paths: ${(error as Error).message}`);
      onChange({ ...config, processId }, true);
    } finally {
      setLoading(null);
    }
  };

  const selectId = useId();
  return (
    <>
      <label htmlFor={selectId}>
        Process
        <Select
          id={selectId}
          value={loading ?? config.processId}
          invalid={issues.some((i) => i.pointer.endsWith('/processId'))}
          disabled={loading !== null}
          onChange={(processId) => void choose(processId)}
          choices={[
            { value: '', label: 'Choose a process…' },
            ...(known
              ? []
              : [{ value: config.processId, label: `${config.processId} (not found)` }]),
            ...choices.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
      </label>
      {processes.isError && <p className="hint">The process list could not be loaded.</p>}
      {loadError && (
        <ul className="field-issues">
          <li className="is-error">{loadError}</li>
        </ul>
      )}
      <FieldIssues issues={issues} field="processId" />
      <CheckboxField
        label="Wait for process to complete"
        checked={config.wait}
        onChange={(wait) => onChange({ ...config, wait }, true)}
      />
      <CheckboxField
        label="Abort if process fails"
        checked={config.abortOnFailure}
        onChange={(abortOnFailure) => onChange({ ...config, abortOnFailure }, true)}
      />
      <StringListField
        legend="Return paths"
        noun="return path"
        hint="The child's Return Documents labels, one output path each; none means one plain output."
        items={config.returnPaths}
        onChange={(returnPaths, commit) => onChange({ ...config, returnPaths }, commit)}
        onCommit={onCommit}
        issues={issues}
        field="returnPaths"
      />
      {config.processId !== '' && (
        <button
          type="button"
          disabled={loading !== null}
          onClick={() => void choose(config.processId)}
        >
          Copy return paths from the process
        </button>
      )}
    </>
  );
}
