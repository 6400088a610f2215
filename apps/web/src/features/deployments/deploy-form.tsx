import type { EnvironmentView, ProcessSummary, ScheduleInput } from '@junction/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { buildDeployRequest, isScheduleError, revisionChoices } from './deploy-request.ts';
import { deploymentKeys, deployProcessRequest } from './deployment-queries.ts';
import { ScheduleFields } from './schedule-fields.tsx';

/**
 * Deploys a saved process to an environment: the revision defaults to the
 * latest, schedules are optional. Deploying a process again to the same
 * environment replaces its deployment there.
 */
export function DeployForm({
  environments,
  processes,
}: {
  environments: EnvironmentView[];
  processes: ProcessSummary[];
}) {
  const queryClient = useQueryClient();
  const [environmentId, setEnvironmentId] = useState('');
  const [processId, setProcessId] = useState('');
  const [revision, setRevision] = useState<number | null>(null);
  const [schedules, setSchedules] = useState<ScheduleInput[]>([]);
  const deploy = useMutation({
    mutationFn: deployProcessRequest,
    onSuccess: () => {
      setSchedules([]);
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.deployments });
    },
  });
  // Until the user picks one, the first environment is the target.
  const targetId = environmentId || environments[0]?.id || '';
  const process = processes.find((p) => p.id === processId);
  const scheduleError = isScheduleError(deploy.error) ? (deploy.error?.message ?? null) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    deploy.mutate(buildDeployRequest({ environmentId: targetId, processId, revision, schedules }));
  };

  return (
    <form onSubmit={submit} aria-label="Deploy a process" className="deploy-form">
      <label>
        Environment{' '}
        <select value={targetId} onChange={(e) => setEnvironmentId(e.target.value)} required>
          {environments.map((env) => (
            <option key={env.id} value={env.id}>
              {env.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Process{' '}
        <select
          value={processId}
          onChange={(e) => {
            setProcessId(e.target.value);
            setRevision(null);
          }}
          required
        >
          <option value="">Choose a process…</option>
          {processes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {processes.length === 0 && (
        <span className="hint">No processes to deploy yet: create one on the Processes page.</span>
      )}
      <label>
        Revision{' '}
        <select
          value={revision ?? process?.revision ?? ''}
          onChange={(e) => setRevision(Number(e.target.value))}
          disabled={!process}
        >
          {process &&
            revisionChoices(process.revision).map((r) => (
              <option key={r} value={r}>
                {r === process.revision ? `${r} (latest)` : r}
              </option>
            ))}
        </select>
      </label>
      <ScheduleFields
        schedules={schedules}
        onChange={(next) => {
          setSchedules(next);
          // The message was about the schedules as they were; an edit makes it stale.
          if (scheduleError !== null) {
            deploy.reset();
          }
        }}
        error={scheduleError}
      />
      <button type="submit" disabled={deploy.isPending || targetId === ''}>
        Deploy
      </button>
      {deploy.error && scheduleError === null && (
        <p role="alert" className="is-error">
          {deploy.error.message}
        </p>
      )}
      {deploy.isSuccess && (
        <p role="status">
          Deployed{' '}
          {processes.find((p) => p.id === deploy.data.processId)?.name ?? deploy.data.processId}{' '}
          revision {deploy.data.revision} to{' '}
          {environments.find((e) => e.id === deploy.data.environmentId)?.name ?? 'the environment'}.
        </p>
      )}
    </form>
  );
}
