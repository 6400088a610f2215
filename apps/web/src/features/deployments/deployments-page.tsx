import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { processListQuery } from '../processes/process-queries.ts';
import { DeployForm } from './deploy-form.tsx';
import { deploymentsQuery, environmentsQuery } from './deployment-queries.ts';
import { EnvironmentDeployments } from './environment-deployments.tsx';
import { EnvironmentForm } from './environment-form.tsx';
import { ProcessReporting } from './process-reporting.tsx';

/**
 * Environments, what is deployed in each (run it now), deploying a saved
 * process with schedules, and Process Reporting of the executions.
 */
export function DeploymentsPage() {
  const environments = useQuery(environmentsQuery);
  const deployments = useQuery(deploymentsQuery);
  const processes = useQuery(processListQuery(''));
  const processItems = processes.data?.items ?? [];
  const processNames = useMemo(
    () => new Map((processes.data?.items ?? []).map((p) => [p.id, p.name])),
    [processes.data],
  );
  const envs = environments.data ?? [];
  const error = environments.error ?? deployments.error;

  return (
    <main className="page">
      <h1>Deployments</h1>
      <section aria-labelledby="environments-heading">
        <h2 id="environments-heading">Environments</h2>
        <EnvironmentForm />
        {error && (
          <p role="alert" className="is-error">
            {error.message}
          </p>
        )}
        {environments.isSuccess && envs.length === 0 && (
          <p className="hint">No environments yet: create one to deploy processes to it.</p>
        )}
        {envs.map((env) => (
          <EnvironmentDeployments
            key={env.id}
            environment={env}
            deployments={(deployments.data ?? []).filter((d) => d.environmentId === env.id)}
            processNames={processNames}
          />
        ))}
      </section>
      <section aria-labelledby="deploy-heading">
        <h2 id="deploy-heading">Deploy a process</h2>
        <DeployForm environments={envs} processes={processItems} />
      </section>
      <ProcessReporting processes={processItems} />
    </main>
  );
}
