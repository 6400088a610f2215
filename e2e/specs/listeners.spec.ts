import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { addFromPalette, choose, openNewProcess, shape } from './designer-helpers.ts';

test('design Listen → Map → Return Documents, deploy it, call it and find the call in Process Reporting', async ({
  page,
  request,
}) => {
  const suffix = randomUUID().slice(0, 8);
  const processName = `Order intake ${suffix}`;
  const environmentName = `Hooks ${suffix}`;
  const path = `orders-${suffix}`;
  const processId = await openNewProcess(page, request, processName);
  const options = page.getByRole('complementary', { name: 'Options' });

  // Start listens for POST /orders-…, answering with what reaches Return Documents.
  await shape(page, 'Start').click();
  await choose(options.getByRole('combobox', { name: 'Type', exact: true }), 'Listen (HTTP call)');
  await options.getByRole('textbox', { name: 'Path', exact: true }).fill(path);
  await expect(options.getByRole('combobox', { name: 'Method' })).toHaveText('POST');
  await expect(options.getByRole('combobox', { name: 'Answer' })).toHaveText(
    'Wait for Return Documents',
  );
  await expect(options.getByRole('region', { name: 'Listener URLs' })).toContainText(
    'Not deployed',
  );

  await addFromPalette(page, 'Map');
  await page.getByLabel('Start output').dragTo(page.getByLabel('Map input'));
  await shape(page, 'Map').click();
  await options.getByRole('button', { name: 'Add mapping' }).click();
  await options.getByRole('textbox', { name: 'Mapping 1 from' }).fill('order.id');
  await options.getByRole('textbox', { name: 'Mapping 1 to' }).fill('orderId');
  await addFromPalette(page, 'Return Documents');
  // Drawn from the Options panel: the Map's output leads to Return Documents.
  await shape(page, 'Map').click();
  const leadsTo = options.getByRole('combobox', { name: 'Output leads to' });
  await leadsTo.click();
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /^Return Documents/ })
    .click();
  await expect(leadsTo).toHaveText(/^Return Documents/);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // Test mode: one call to a temporary URL becomes a test run shown on the canvas.
  await shape(page, 'Start').click();
  await options.getByRole('button', { name: 'Listen for a test call' }).click();
  const testCall = options.getByRole('region', { name: 'Test call' });
  await expect(testCall.getByRole('status')).toContainText('Listening for a test call…');
  const testUrl = (await testCall.getByRole('status').getByRole('code').textContent()) ?? '';
  const tested = await request.post(testUrl, { data: { order: { id: 'T-1' } } });
  expect(tested.status()).toBe(200);
  expect(await tested.json()).toEqual({ orderId: 'T-1' });
  // The designer notices the call and shows its run, as after Run test.
  const runBar = page.getByRole('region', { name: 'Test run' });
  await expect(runBar.getByRole('status')).toHaveText('Complete');
  await runBar.getByRole('button', { name: 'Back to editing' }).click();

  // Deploy it to a new environment.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Deployments' })
    .click();
  await page.getByLabel('Environment name').fill(environmentName);
  await page.getByRole('button', { name: 'Create environment' }).click();
  const form = page.getByRole('form', { name: 'Deploy a process' });
  await choose(form.getByLabel('Environment'), environmentName);
  await choose(form.getByLabel('Process'), processName);
  await form.getByRole('button', { name: 'Deploy', exact: true }).click();
  await expect(form.getByRole('status')).toContainText(`Deployed ${processName} revision`);

  // The designer shows where it listens now.
  await page.goto(`/processes/${processId}`);
  await shape(page, 'Start').click();
  const urls = options.getByRole('region', { name: 'Listener URLs' });
  await expect(urls.getByRole('code')).toContainText(`/${path}`);
  const url = (await urls.getByRole('code').first().textContent()) ?? '';
  expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/listen/[^/]+/${path}$`));

  // Another system calls it with an operator's API token and gets the mapped document.
  const token = await request.post('/api/platform/v1/Token', {
    data: { name: `caller ${suffix}`, role: 'operator' },
  });
  expect(token.status()).toBe(201);
  const { token: secret } = (await token.json()) as { token: string };
  const refused = await request.post(url, { data: { order: { id: 'A-7' } } });
  expect(refused.status()).toBe(401);
  const answer = await request.post(url, {
    headers: { authorization: `Bearer ${secret}` },
    data: { order: { id: 'A-7', qty: 3 } },
  });
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toEqual({ orderId: 'A-7' });
  const executionId = answer.headers()['x-junction-execution-id'];
  expect(executionId).toBeTruthy();

  // The call is an execution in Process Reporting, of the Listener type.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Deployments' })
    .click();
  await choose(
    page.getByRole('group', { name: 'Filter executions' }).getByLabel('Process'),
    processName,
  );
  const rows = page.getByRole('table', { name: 'Executions' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  const cells = rows.nth(1).getByRole('cell');
  await expect(cells.nth(0)).toHaveText('Complete');
  await expect(cells.nth(2)).toHaveText('Listener');
  await expect(cells.nth(3)).toHaveText('1');
});
