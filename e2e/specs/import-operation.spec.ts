import { expect, test } from '@playwright/test';
import { addFromPalette, choose, openNewProcess, shape } from './designer-helpers.ts';

test('Import Operation browses a real record through the connection and keeps its profile', async ({
  page,
  request,
}) => {
  await openNewProcess(page, request, 'Import operation');
  await addFromPalette(page, 'Connector');
  await shape(page, 'Connector').click();
  const options = page.getByRole('complementary', { name: 'Options' });
  await options.getByRole('button', { name: 'Import Operation…' }).click();
  const wizard = options.getByRole('region', { name: 'Import Operation' });
  await choose(wizard.getByRole('combobox', { name: 'Object to browse' }), 'Asset');
  await wizard.getByRole('button', { name: 'Browse' }).click();
  await expect(wizard.getByRole('list', { name: 'Document data' })).toContainText('AS-');
  await wizard.getByRole('button', { name: 'Use this object and profile' }).click();
  await expect(options.getByRole('combobox', { name: 'Object', exact: true })).toHaveText('Asset');
  await expect(options.getByText(/Response profile: \d+ top-level fields/)).toBeVisible();
  await expect(shape(page, 'Connector')).toContainText('List Resource · Asset');
});

test('the built-in sandbox can be reset to its seed data', async ({ page }) => {
  await page.goto('/connections');
  await page.getByRole('button', { name: 'Reset sandbox' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Sandbox reset to its seed data.' }),
  ).toBeVisible();
});
