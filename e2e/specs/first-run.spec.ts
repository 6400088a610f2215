import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { passthroughProcess } from './test-processes.ts';

test('Create process opens an Untitled process at once, renamed in the designer', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Create process' }).click();
  await expect(page.getByRole('region', { name: 'Shape Start' })).toBeVisible();
  await expect(page.getByLabel('Process name')).toHaveValue('Untitled process');
  await page.getByLabel('Process name').fill('Order intake');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.getByRole('link', { name: 'Processes' }).first().click();
  await page.getByLabel('Search processes').fill('order intake');
  const row = page.getByRole('table', { name: 'Processes' }).getByRole('row', {
    name: /Order intake/,
  });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('revision 2');
  await expect(row).toContainText('Never run');
});

test('the list shows each process’s last run and filters by name', async ({ page, request }) => {
  const name = `Nightly ${randomUUID().slice(0, 8)}`;
  const imported = await request.post('/api/processes/import', {
    data: passthroughProcess(randomUUID(), name),
  });
  const { id } = (await imported.json()) as { id: string };
  const saved = (await (await request.get(`/api/processes/${id}`)).json()) as {
    document: unknown;
  };
  const started = await request.post('/api/runs', {
    data: { processId: id, process: saved.document },
  });
  expect(started.status()).toBeLessThan(300);
  const runId = ((await started.json()) as { id: string }).id;
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/runs/${runId}`)).json()) as { status: string }).status,
    )
    .toBe('complete');

  await page.goto('/');
  await page.getByLabel('Search processes').fill(name);
  const table = page.getByRole('table', { name: 'Processes' });
  await expect(table.getByRole('link', { name })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(name) })).toContainText('Complete ·');

  await page.getByLabel('Search processes').fill(`${name} but not this`);
  await expect(page.getByRole('status')).toContainText(
    `No process name contains “${name} but not this”`,
  );
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.getByLabel('Search processes')).toHaveValue('');
  await expect(table.getByRole('link', { name })).toBeVisible();
});

test('a new account’s empty pages say what to do next', async ({ page, request, baseURL }) => {
  const account = `empty-${randomUUID().slice(0, 8)}`;
  const provisioned = await request.post('/api/platform/v1/execute/provision-account', {
    data: { name: 'Empty customer', id: account },
  });
  expect(provisioned.status()).toBeLessThan(300);
  await page
    .context()
    .addCookies([{ name: 'junction_account', value: account, url: baseURL ?? '' }]);
  await page.goto('/');
  await expect(page.getByRole('status')).toContainText(
    'No processes yet. Choose Create process to open a blank canvas',
  );
  await page.getByRole('link', { name: 'Connections' }).click();
  await expect(page.getByRole('status').first()).toContainText(
    'add a connection below with its API endpoint and token',
  );
  await page.getByRole('link', { name: 'Deployments' }).click();
  await expect(page.getByText('No executions yet. Deploy a process')).toBeVisible();
  await expect(page.getByText('No processes to deploy yet')).toBeVisible();
  await page.context().clearCookies();
});
