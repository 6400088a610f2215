import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { choose } from './designer-helpers.ts';
import { startListProcess } from './test-processes.ts';

test('create an environment, deploy a process with a schedule, run it now and read Process Reporting', async ({
  page,
  request,
}) => {
  const suffix = randomUUID().slice(0, 8);
  const processName = `Product sync ${suffix}`;
  const environmentName = `QA ${suffix}`;
  const imported = await request.post('/api/processes/import', {
    data: startListProcess(randomUUID(), processName, 'product'),
  });
  expect(imported.status()).toBe(201);
  const { id: processId } = (await imported.json()) as { id: string };

  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Deployments' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deployments');

  // An environment, classified as Boomi does.
  await page.getByLabel('Environment name').fill(environmentName);
  await choose(page.getByLabel('Classification'), 'Test');
  await page.getByRole('button', { name: 'Create environment' }).click();
  const environment = page.getByRole('region', { name: new RegExp(environmentName) });
  await expect(environment.getByRole('heading', { level: 3 })).toContainText('Test');
  await expect(environment).toContainText('Nothing is deployed here yet.');

  // Deploy: the revision defaults to the latest; a bad cron is refused with the server's words.
  const form = page.getByRole('form', { name: 'Deploy a process' });
  await choose(form.getByLabel('Environment'), environmentName);
  await choose(form.getByLabel('Process'), processName);
  await expect(form.getByLabel('Revision')).toHaveText('1 (latest)');
  await form.getByRole('button', { name: 'Add schedule' }).click();
  const schedule = form.getByRole('group', { name: 'Schedule 1' });
  await schedule.getByLabel('Cron').fill('61 * * * *');
  await form.getByRole('button', { name: 'Deploy', exact: true }).click();
  const schedules = form.getByRole('group', { name: 'Schedules' });
  await expect(schedules.getByRole('alert')).toHaveText(
    /^Schedule 1: Cron "61 \* \* \* \*" is not valid: Invalid value for minute: 61\./,
  );
  await expect(schedule.getByLabel('Cron')).toHaveAttribute('aria-invalid', 'true');
  await expect(environment).toContainText('Nothing is deployed here yet.');

  // A leap-day schedule: valid, and it will not fire while the tests run.
  await schedule.getByLabel('Cron').fill('0 3 29 2 *');
  await expect(schedules.getByRole('alert')).toHaveCount(0);
  await schedule.getByLabel('Time zone').fill('Europe/Berlin');
  await form.getByRole('button', { name: 'Deploy', exact: true }).click();
  await expect(form.getByRole('status')).toContainText(
    `Deployed ${processName} revision 1 to ${environmentName}.`,
  );
  const deployed = environment
    .getByRole('table', { name: `Deployed in ${environmentName}` })
    .getByRole('row', { name: new RegExp(processName) });
  await expect(deployed).toContainText('0 3 29 2 * (Europe/Berlin)');

  // Run now, then follow it in Process Reporting until it completes.
  await deployed.getByRole('button', { name: 'Run now' }).click();
  await expect(environment.getByRole('status')).toContainText(`Started ${processName}`);
  await choose(
    page.getByRole('group', { name: 'Filter executions' }).getByLabel('Process'),
    processName,
  );
  const rows = page.getByRole('table', { name: 'Executions' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  const cells = rows.nth(1).getByRole('cell');
  await expect(cells.nth(0)).toHaveText('Complete');
  await expect(cells.nth(2)).toHaveText('Manual');

  // In is what Start listed from the sandbox, as the server counted it.
  const reported = await request.get(`/api/executions?processId=${processId}`);
  const [execution] = ((await reported.json()) as { items: { documentsIn: number }[] }).items;
  expect(execution?.documentsIn).toBeGreaterThan(0);
  await expect(cells.nth(3)).toHaveText(String(execution?.documentsIn));

  // The status filter narrows by Boomi's status.
  await choose(
    page.getByRole('group', { name: 'Filter executions' }).getByLabel('Status'),
    'Error',
  );
  await expect(page.getByText('No executions match the filters.')).toBeVisible();
});
