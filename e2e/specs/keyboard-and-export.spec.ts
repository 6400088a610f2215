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

  // A select opens with Enter; arrows move through its choices and Enter picks one.
  const object = options.getByRole('combobox', { name: 'Object', exact: true });
  await object.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(object).not.toHaveText('Choose an object…');
  await expect(object).toBeFocused();
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
  await page.keyboard.press('Enter');
  // Start is never offered: nothing may lead into it.
  const choices = page.getByRole('listbox');
  await expect(choices.getByRole('option', { name: /^Connector/ })).toBeVisible();
  await expect(choices.getByRole('option', { name: /^Start/ })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(leadsTo).not.toHaveText('Nothing (not connected)');
  await expect(edges(page)).toHaveCount(1);
});

test('the process exports as a PNG and an SVG image', async ({ page, request }) => {
  await openNewProcess(page, request, 'Picture');
  for (const format of ['PNG', 'SVG']) {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: `Image (${format})` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`Picture.${format.toLowerCase()}`);
    expect(statSync(await file.path()).size).toBeGreaterThan(1_000);
  }
});
