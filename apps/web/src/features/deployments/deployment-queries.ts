import type {
  DeploymentView,
  EnvironmentClassification,
  EnvironmentView,
  PlatformQueryPage,
  ScheduleInput,
} from '@junction/api';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** The Platform API, which the browser calls as its account's admin (no token on loopback). */
const P = '/api/platform/v1';

export const CLASSIFICATION_TEXT: Record<EnvironmentClassification, string> = {
  PROD: 'Production',
  TEST: 'Test',
};

export interface DeployRequest {
  environmentId: string;
  processId: string;
  revision?: number;
  schedules?: ScheduleInput[];
}

export const deploymentKeys = {
  environments: ['environments'] as const,
  deployments: ['deployments'] as const,
};

/** Query answers 100 objects a page; the page wants them all, so it follows queryMore. */
async function queryAll<T>(object: string, filter: unknown): Promise<T[]> {
  let page = (
    await api<PlatformQueryPage<T>>(`${P}/${object}/query`, { method: 'POST', body: filter })
  ).data;
  const all = [...page.result];
  while (page.queryToken) {
    page = (
      await api<PlatformQueryPage<T>>(`${P}/${object}/queryMore`, {
        method: 'POST',
        body: { queryToken: page.queryToken },
      })
    ).data;
    all.push(...page.result);
  }
  return all;
}

export const environmentsQuery = queryOptions({
  queryKey: deploymentKeys.environments,
  queryFn: () => queryAll<EnvironmentView>('Environment', {}),
});

/** Only active deployments: deploying again replaces (deactivates) the one before. */
export const deploymentsQuery = queryOptions({
  queryKey: deploymentKeys.deployments,
  queryFn: () =>
    queryAll<DeploymentView>('Deployment', {
      QueryFilter: { expression: { property: 'active', operator: 'EQUALS', argument: ['true'] } },
    }),
});

export async function createEnvironmentRequest(input: {
  name: string;
  classification: EnvironmentClassification;
}) {
  return (await api<EnvironmentView>(`${P}/Environment`, { method: 'POST', body: input })).data;
}

export async function deployProcessRequest(body: DeployRequest) {
  return (await api<DeploymentView>(`${P}/execute/deploy-process`, { method: 'POST', body })).data;
}

/** Runs the revision deployed in that environment (Boomi's "Run now" on a deployment). */
export async function executeProcessRequest(input: { processId: string; environmentId: string }) {
  return (
    await api<{ executionId: string; status: string }>(`${P}/execute/execute-process`, {
      method: 'POST',
      body: input,
    })
  ).data;
}

export async function cancelExecutionRequest(executionId: string) {
  await api(`${P}/execute/cancel-execution`, { method: 'POST', body: { executionId } });
}
