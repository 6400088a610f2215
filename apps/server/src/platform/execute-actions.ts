import type { Permission } from '../auth/roles.ts';
import { HttpError } from '../errors.ts';
import { refuseInvalid } from '../process-validation.ts';
import { BODIES, readBody } from './bodies.ts';
import { createChildAccount, deploy } from './deploy.ts';
import type { PlatformContext } from './platform-context.ts';

/** The Execute actions and what each needs of the caller's role. */
export const EXECUTE_ACTIONS = {
  'execute-process': 'operate',
  'cancel-execution': 'operate',
  'deploy-process': 'build',
  'provision-account': 'admin',
} as const satisfies Record<string, Permission>;

export type ExecuteAction = keyof typeof EXECUTE_ACTIONS;

/** Runs the deployed revision of a process; with several environments, say which. */
async function executeProcess(ctx: PlatformContext, body: unknown) {
  const input = readBody(BODIES.executeProcess, body);
  const { deployments, processes, dispatcher } = ctx.deps;
  const found = await deployments.active(ctx.accountId, input.processId, input.environmentId);
  const deployment = found[0];
  if (!deployment) {
    throw new HttpError(
      409,
      'not-deployed',
      `Process ${input.processId} is not deployed${input.environmentId ? ` to environment ${input.environmentId}` : ''}.`,
    );
  }
  if (found.length > 1) {
    throw new HttpError(
      400,
      'environment-required',
      `Process ${input.processId} is deployed to several environments; name one (environmentId).`,
    );
  }
  const document = await processes.revision(ctx.accountId, input.processId, deployment.revision);
  if (!document) {
    throw new HttpError(404, 'not-found', `The deployed revision of ${input.processId} is gone.`);
  }
  await refuseInvalid(processes, ctx.accountId, document);
  const executionId = await dispatcher.start({
    accountId: ctx.accountId,
    process: document,
    processId: input.processId,
    connectionId: null,
    executionType: 'exec_manual',
    revision: deployment.revision,
    deploymentId: deployment.id,
    environmentId: deployment.environmentId,
  });
  return {
    executionId,
    status: 'STARTED',
    processId: input.processId,
    deploymentId: deployment.id,
    environmentId: deployment.environmentId,
    revision: deployment.revision,
  };
}

async function cancelExecution(ctx: PlatformContext, body: unknown) {
  const { executionId } = readBody(BODIES.cancelExecution, body);
  // The run must belong to the checked account before its id reaches the dispatcher.
  const run = await ctx.deps.runs.get(ctx.accountId, executionId);
  if (!run) {
    throw new HttpError(404, 'not-found', `Execution ${executionId} does not exist.`);
  }
  if (run.status !== 'running' || !ctx.deps.dispatcher.cancel(executionId)) {
    throw new HttpError(409, 'not-running', `Execution ${executionId} is not running.`);
  }
  return { executionId, status: 'CANCELLING' };
}

/** A customer account under the caller's, ready to use: a Production environment and the sandbox. */
async function provisionAccount(ctx: PlatformContext, body: unknown) {
  const input = readBody(BODIES.provisionAccount, body);
  const account = await createChildAccount(ctx, input);
  const environment = await ctx.deps.environments.create(account.id, {
    id: 'production',
    name: 'Production',
    classification: 'PROD',
  });
  return { status: 'COMPLETED', account, environment };
}

export async function executeAction(
  ctx: PlatformContext,
  action: ExecuteAction,
  body: unknown,
): Promise<unknown> {
  switch (action) {
    case 'execute-process':
      return executeProcess(ctx, body);
    case 'cancel-execution':
      return cancelExecution(ctx, body);
    case 'deploy-process':
      return deploy(ctx, body);
    case 'provision-account':
      return provisionAccount(ctx, body);
  }
}
