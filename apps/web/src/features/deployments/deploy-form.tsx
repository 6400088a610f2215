import type { EnvironmentView, ProcessSummary, ScheduleInput } from '@junction/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Select } from '../../ui/select.tsx';
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
  const ids = { environment: useId(), process: useId(), revision: useId() };
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
      <label htmlFor={ids.environment}>
        Environment{' '}
        <Select
          id={ids.environment}
          value={targetId}
          onChange={setEnvironmentId}
          choices={environments.map((env) => ({ value: env.id, label: env.name }))}
        />
      </label>
      <label htmlFor={ids.process}>
        Process{' '}
        <Select
          id={ids.process}
          value={processId}
          placeholder="Choose a process…"
          onChange={(id) => {
            setProcessId(id);
            setRevision(null);
          }}
          choices={processes.map((p) => ({ value: p.id, label: p.name }))}
        />
      </label>
      {processes.length === 0 && (
        <span className="hint">No processes to deploy yet: create one on the Processes page.</span>
      )}
      <label htmlFor={ids.revision}>
        Revision{' '}
        <Select
          id={ids.revision}
          value={String(revision ?? process?.revision ?? '')}
          onChange={(r) => setRevision(Number(r))}
          disabled={!process}
          choices={(process ? revisionChoices(process.revision) : []).map((r) => ({
            value: String(r),
            label: r === process?.revision ? `${r} (latest)` : String(r),
          }))}
        />
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
      <button type="submit" disabled={deploy.isPending || targetId === '' || processId === ''}>
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
