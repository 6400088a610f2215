import { statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { edges, openNewProcess, shape } from './designer-helpers.ts';

test('shapes can be added, selected, configured and moved with the keyboard', async ({
  page,
  request,
}) => {
  await openNewProcess(page, request, 'Keyboard');
  const paletteItem = page
    .getByRole('navigation', { name: 'Shapes' })
    .getByRole('button', { name: 'Connector', exact: true });
  await paletteItem.focus();
  await page.keyboard.press('Enter');
  const connector = shape(page, 'Connector');
  await expect(connector).toBeVisible();

  // The shape's node is focusable; Enter selects it and opens its options.
  await page.locator('.react-flow__node').filter({ has: connector }).focus();
  await page.keyboard.press('Enter');
  const options = page.getByRole('complementary', { name: 'Options' });
  await expect(options).toContainText('Connector options');
  const before = await connector.boundingBox();
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(async () => (await connector.boundingBox())?.x ?? 0)
    .toBeGreaterThan(before?.x ?? 0);

  await options.getByRole('combobox', { name: 'Object', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(options.getByRole('combobox', { name: 'Object', exact: true })).not.toHaveValue('');
  // Paths are drawn from the Options panel too: Start's output leads to the Connector.
  await page
    .locator('.react-flow__node')
    .filter({ has: shape(page, 'Start') })
    .focus();
  await page.keyboard.press('Enter');
  await expect(options).toContainText('Start options');
  await expect(edges(page)).toHaveCount(0);
  const leadsTo = options.getByRole('combobox', { name: 'Output leads to' });
  await leadsTo.focus();
  await page.keyboard.press('ArrowDown');
  await expect(leadsTo).toHaveValue(/.+/);
  await expect(edges(page)).toHaveCount(1);
  // Start is never offered: nothing may lead into it.
  await expect(leadsTo.getByRole('option', { name: /^Start/ })).toHaveCount(0);
});

test('the process exports as a PNG and an SVG image', async ({ page, request }) => {
  await openNewProcess(page, request, 'Picture');
  for (const format of ['PNG', 'SVG']) {
    await page.getByText('Export', { exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Image (${format})` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`Picture.${format.toLowerCase()}`);
    expect(statSync(await file.path()).size).toBeGreaterThan(1_000);
  }
});
