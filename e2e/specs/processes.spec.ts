import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openNewProcess } from './designer-helpers.ts';

test('processes are listed, searched, exported, imported and deleted', async ({
  page,
  request,
}) => {
  const id = await openNewProcess(page, request, 'Nightly asset sync');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Process file (JSON, last saved)' }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text).id).toBe(id);

  await page.getByRole('link', { name: 'Processes' }).first().click();
  await page.getByLabel('Search processes').fill('nightly');
  await expect(page.getByRole('link', { name: 'Nightly asset sync' })).toHaveCount(1);

  // Import the same file: a copy, since the id is taken.
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'sync.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByLabel('Process name')).toHaveValue('Nightly asset sync');
  await page.getByRole('link', { name: 'Processes' }).first().click();
  await page.getByLabel('Search processes').fill('nightly');
  await expect(page.getByRole('link', { name: 'Nightly asset sync' })).toHaveCount(2);

  // A broken file is refused with the place of the problem.
  await page.locator('input[type=file]').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schemaVersion": 1}'),
  });
  await expect(page.getByRole('alert')).toContainText('Import failed');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete Nightly asset sync' }).first().click();
  await expect(page.getByRole('link', { name: 'Nightly asset sync' })).toHaveCount(1);
});

test("the page's two ways to start a process sit side by side, alike", async ({ page }) => {
  await page.goto('/');
  const create = page.getByRole('button', { name: 'Create process' });
  // The file picker is a label dressed as a button: it must not look like a field's label.
  const importFile = page.getByText('Import file…', { exact: true });
  const [a, b] = [await create.boundingBox(), await importFile.boundingBox()];
  expect(a && b).toBeTruthy();
  expect(Math.abs(a!.y - b!.y)).toBeLessThanOrEqual(1);
  expect(Math.abs(a!.height - b!.height)).toBeLessThanOrEqual(1);
  expect(await importFile.evaluate((el) => getComputedStyle(el).fontWeight)).toBe(
    await create.evaluate((el) => getComputedStyle(el).fontWeight),
  );
});

test('connections keep the token write-only and can be tested', async ({ page }) => {
  await page.goto('/connections');
  await page.getByRole('button', { name: 'Test Sandbox' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();

  const form = page.getByRole('form', { name: 'New connection' });
  await form.getByLabel('Name').fill('Staging');
  await form.getByLabel('API endpoint').fill('http://127.0.0.1:8/public/v1');
  await form.getByLabel('API token').fill('ApiKey SU-1:do-not-show-me');
  await form.getByRole('button', { name: 'Create connection' }).click();
  await expect(page.getByText('Staging', { exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('do-not-show-me');
  await page.getByRole('button', { name: 'Test Staging' }).click();
  // Loopback is a local address: the server refuses to call it on a user's behalf.
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Junction does not call local or private network addresses: 127.0.0.1' }),
  ).toBeVisible();
});
