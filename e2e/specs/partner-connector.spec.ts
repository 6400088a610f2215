import { expect, test } from '@playwright/test';
import { addFromPalette, choose, edges, openNewProcess, shape } from './designer-helpers.ts';

test('the Partner API connector queries Junction’s own Platform API from a process', async ({
  page,
  request,
}) => {
  // A token for the Platform API, shown once.
  await page.goto('/');
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByLabel('Token name').fill('partner connector');
  await choose(page.getByLabel('Role'), 'viewer');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByLabel('New token').textContent()) ?? '';
  expect(token).toMatch(/^jct_/);

  // A Platform API connection keeps that token on the server.
  await page.getByRole('link', { name: 'Connections' }).click();
  const form = page.getByRole('form', { name: 'New connection' });
  await choose(form.getByLabel('Connector'), 'Junction Platform API (Partner API connector)');
  await form.getByLabel('Name').fill('Platform');
  await form.getByLabel('API token').fill(token);
  await form.getByRole('button', { name: 'Create connection' }).click();
  await page.getByRole('button', { name: 'Test Platform' }).click();
  await expect(page.getByRole('status').filter({ hasText: /viewer/ })).toBeVisible();

  // Start -> Connector (Query · Process on the Platform API) -> Stop.
  await openNewProcess(page, request, 'Partner query');
  await addFromPalette(page, 'Connector');
  await page.getByLabel('Start output').dragTo(page.getByLabel('Connector input'));
  await page.getByRole('button', { name: 'Add Stop after Connector' }).click();
  await expect(edges(page)).toHaveCount(2);
  await shape(page, 'Connector').click();
  const options = page.getByRole('complementary', { name: 'Options' });
  await choose(
    options.getByRole('combobox', { name: 'Connector', exact: true }),
    'Junction Platform API',
  );
  await choose(options.getByRole('combobox', { name: 'Connection', exact: true }), 'Platform');
  await choose(options.getByRole('combobox', { name: 'Connector Action', exact: true }), 'Query');
  await choose(options.getByRole('combobox', { name: 'Object', exact: true }), 'Process');
  await expect(shape(page, 'Connector')).toContainText('Query · Process');

  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const runBar = page.getByRole('region', { name: 'Test run' });
  await expect(runBar.getByRole('status')).toHaveText('Complete');
  await expect(page.getByLabel('Connector documents')).toHaveText(/^1 in · [1-9]\d* out$/);
});
