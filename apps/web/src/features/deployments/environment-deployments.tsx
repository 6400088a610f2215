import type { DeploymentView, EnvironmentView } from '@junction/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CLASSIFICATION_TEXT, executeProcessRequest } from './deployment-queries.ts';

/**
 * What is deployed in one environment, with "Run now" per deployment. A run
 * shows up in Process Reporting, which is told to refetch.
 */
export function EnvironmentDeployments({
  environment,
  deployments,
  processNames,
}: {
  environment: EnvironmentView;
  deployments: DeploymentView[];
  processNames: ReadonlyMap<string, string>;
}) {
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: executeProcessRequest,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['executions'] }),
  });
  const nameOf = (processId: string) => processNames.get(processId) ?? processId;
  const headingId = `environment-${environment.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        {environment.name}{' '}
        <span className="hint">{CLASSIFICATION_TEXT[environment.classification]}</span>
      </h3>
      {deployments.length === 0 ? (
        <p className="hint">
          Nothing is deployed here yet. Choose a process and revision under Deploy a process.
        </p>
      ) : (
        <table className="data-table" aria-label={`Deployed in ${environment.name}`}>
          <thead>
            <tr>
              <th>Process</th>
              <th>Revision</th>
              <th>Schedules</th>
              <th>Deployed at</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {deployments.map((d) => (
              <tr key={d.id}>
                <td>{nameOf(d.processId)}</td>
                <td>{d.revision}</td>
                <td>
                  {d.schedules.length === 0
                    ? 'None'
                    : d.schedules.map((s) => (
                        <div key={s.id}>
                          <code>{s.cron}</code> ({s.timeZone})
                        </div>
                      ))}
                </td>
                <td>{new Date(d.deployedAt).toLocaleString()}</td>
                <td>
                  <button
                    type="button"
                    disabled={run.isPending}
                    onClick={() =>
                      run.mutate({ processId: d.processId, environmentId: d.environmentId })
                    }
                  >
                    Run now
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {run.isSuccess && (
        <p role="status">
          Started {nameOf(run.variables.processId)}; follow it in Process Reporting below.
        </p>
      )}
      {run.error && (
        <p role="alert" className="is-error">
          {run.error.message}
        </p>
      )}
    </section>
  );
}
