import { listRequestsProcess } from '@junction/runtime/testing';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export const P = '/api/platform/v1';
export const SECRET = 'ALPHA-SECRET';

export interface Fixtures {
  tokens: Record<
    'alphaViewer' | 'alphaOperator' | 'alphaBuilder' | 'alphaAdmin' | 'betaAdmin' | 'childAdmin',
    string
  >;
  processId: string;
  connectionId: string;
  environmentId: string;
  deploymentId: string;
  executionId: string;
  tokenId: string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function call(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  options: { token?: string; payload?: unknown; headers?: Record<string, string> } = {},
) {
  return app.inject({
    method,
    url,
    headers: { ...(options.token ? bearer(options.token) : {}), ...options.headers },
    ...(options.payload === undefined ? {} : { payload: options.payload as object }),
  });
}

async function ok(res: Awaited<ReturnType<typeof call>>) {
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

/**
 * default ─┬─ alpha ── alpha-c
 *          └─ beta
 * with a token per role in alpha, admins in beta and alpha-c, and in alpha one
 * of everything (process, connection, deployment, execution, token), all named
 * with SECRET so a leak shows in any response body.
 */
export async function buildFixtures(app: FastifyInstance): Promise<Fixtures> {
  const provision = (id: string) =>
    call(app, 'POST', `${P}/execute/provision-account`, { payload: { name: id, id } }).then(ok);
  await provision('alpha');
  await provision('beta');
  await ok(
    await call(app, 'POST', `${P}/Account?overrideAccount=alpha`, {
      payload: { name: 'Alpha customer', id: 'alpha-c' },
    }),
  );
  const token = async (account: string, role: string) =>
    (
      await ok(
        await call(app, 'POST', `${P}/Token?overrideAccount=${account}`, {
          payload: { name: `${account} ${role}`, role },
        }),
      )
    ).token as string;
  const tokens = {
    alphaViewer: await token('alpha', 'viewer'),
    alphaOperator: await token('alpha', 'operator'),
    alphaBuilder: await token('alpha', 'builder'),
    alphaAdmin: await token('alpha', 'admin'),
    betaAdmin: await token('beta', 'admin'),
    childAdmin: await token('alpha-c', 'admin'),
  };
  const admin = tokens.alphaAdmin;
  const process = { ...listRequestsProcess('alpha-proc'), name: `${SECRET} process` };
  await ok(await call(app, 'POST', `${P}/Process`, { token: admin, payload: process }));
  const connection = await ok(
    await call(app, 'POST', `${P}/Connection`, {
      token: admin,
      payload: { name: `${SECRET} connection`, endpoint: 'https://connect.example', token: 'ct' },
    }),
  );
  // Its own environment (random id): every provisioned account also has a 'production'.
  const environment = await ok(
    await call(app, 'POST', `${P}/Environment`, {
      token: admin,
      payload: { name: `${SECRET} environment`, classification: 'PROD' },
    }),
  );
  const deployment = await ok(
    await call(app, 'POST', `${P}/execute/deploy-process`, {
      token: admin,
      payload: { processId: 'alpha-proc', environmentId: environment.id },
    }),
  );
  const execution = await ok(
    await call(app, 'POST', `${P}/execute/execute-process`, {
      token: admin,
      payload: { processId: 'alpha-proc' },
    }),
  );
  await waitForExecution(app, admin, execution.executionId);
  const listed = await ok(await call(app, 'POST', `${P}/Token/query`, { token: admin }));
  return {
    tokens,
    processId: 'alpha-proc',
    connectionId: connection.id,
    environmentId: environment.id,
    deploymentId: deployment.id,
    executionId: execution.executionId,
    tokenId: listed.result[0].id,
  };
}

export async function waitForExecution(app: FastifyInstance, token: string, id: string) {
  for (let i = 0; i < 200; i++) {
    const record = (await call(app, 'GET', `${P}/ExecutionRecord/${id}`, { token })).json();
    if (record.status !== 'INPROCESS') {
      return record;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`execution ${id} did not finish`);
}
