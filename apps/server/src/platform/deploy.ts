import { randomUUID } from 'node:crypto';
import { HttpError } from '../errors.ts';
import { listenerClash } from '../listen/listener-lookup.ts';
import { refuseInvalid } from '../process-validation.ts';
import type { ScheduleInput } from '../repositories/deployment-repository.ts';
import { BODIES, readBody } from './bodies.ts';
import { isTimeZone, parseCron } from './cron.ts';
import type { PlatformContext } from './platform-context.ts';

/** A schedule that could never fire is refused when it is saved, not at its first tick. */
export function checkSchedules(schedules: ScheduleInput[]): void {
  // Numbered from 1, as a person counts the schedules on a form.
  schedules.forEach((schedule, i) => {
    try {
      parseCron(schedule.cron);
    } catch (error) {
      throw new HttpError(400, 'bad-schedule', `Schedule ${i + 1}: ${(error as Error).message}`);
    }
    if (!isTimeZone(schedule.timeZone)) {
      throw new HttpError(
        400,
        'bad-schedule',
        `Schedule ${i + 1}: unknown time zone ${schedule.timeZone}.`,
      );
    }
  });
}

export const conflict = (message: string) => new HttpError(409, 'conflict', message);
export const deleted = (id: string) => ({ id, deleted: true });

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/** Creates a customer account under the context's account. */
export async function createChildAccount(
  ctx: PlatformContext,
  input: { name: string; id?: string | undefined },
) {
  try {
    const account = await ctx.deps.accounts.create({
      id: input.id ?? randomUUID(),
      name: input.name,
      parentId: ctx.accountId,
    });
    await ctx.deps.onAccountCreated(account.id);
    return account;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`Account ${input.id} already exists.`);
    }
    throw error;
  }
}

/** Deploys a saved, valid revision of a process to an environment, with its schedules. */
export async function deploy(ctx: PlatformContext, body: unknown) {
  const input = readBody(BODIES.deploymentCreate, body);
  const { processes, environments, deployments } = ctx.deps;
  const schedules = input.schedules ?? [];
  checkSchedules(schedules);
  const stored = await processes.get(ctx.accountId, input.processId);
  if (!stored) {
    throw new HttpError(404, 'not-found', `Process ${input.processId} does not exist.`);
  }
  const revision = input.revision ?? stored.revision;
  const document = await processes.revision(ctx.accountId, input.processId, revision);
  if (!document) {
    throw new HttpError(
      404,
      'not-found',
      `Revision ${revision} of process ${input.processId} does not exist.`,
    );
  }
  await refuseInvalid(processes, ctx.accountId, document);
  if (!(await environments.get(ctx.accountId, input.environmentId))) {
    throw new HttpError(404, 'not-found', `Environment ${input.environmentId} does not exist.`);
  }
  const clash = await listenerClash(
    ctx.deps.db,
    ctx.accountId,
    input.environmentId,
    input.processId,
    document,
  );
  if (clash !== undefined) {
    throw conflict(
      `Process ${clash} already listens on this method and path in environment ${input.environmentId}; undeploy it or change the path.`,
    );
  }
  return deployments.deploy(ctx.accountId, {
    environmentId: input.environmentId,
    processId: input.processId,
    revision,
    schedules,
  });
}
