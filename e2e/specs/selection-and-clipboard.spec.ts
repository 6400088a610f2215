import { expect, test } from '@playwright/test';
import { addFromPalette, openNewProcess, shape } from './designer-helpers.ts';

test('box selection picks several shapes, and Delete removes them together', async ({
  page,
  request,
}) => {
  await openNewProcess(page, request, 'Box select');
  await addFromPalette(page, 'Map');
  await addFromPalette(page, 'Notify');
  await page.getByRole('button', { name: 'Fit View' }).click();
  const a = await shape(page, 'Map').boundingBox();
  const b = await shape(page, 'Notify').boundingBox();
  // Shift-drag on the empty canvas draws a selection box around both.
  await page.keyboard.down('Shift');
  await page.mouse.move((a?.x ?? 0) - 20, (a?.y ?? 0) - 40);
  await page.mouse.down();
  await page.mouse.move((b?.x ?? 0) + (b?.width ?? 0) + 20, (b?.y ?? 0) + (b?.height ?? 0) + 40, {
    steps: 8,
  });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.keyboard.press('Delete');
  await expect(shape(page, 'Map')).toHaveCount(0);
  await expect(shape(page, 'Notify')).toHaveCount(0);
  await expect(shape(page, 'Start')).toBeVisible();
});

test('shapes copied in one process paste into another, in another tab', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openNewProcess(page, request, 'Copy from');
  await addFromPalette(page, 'Message');
  await shape(page, 'Message').click();
  await page.keyboard.press('Control+c');

  const other = await context.newPage();
  await openNewProcess(other, request, 'Paste into');
  await other.getByLabel('Process canvas').click({ position: { x: 20, y: 20 } });
  await other.keyboard.press('Control+v');
  await expect(shape(other, 'Message')).toBeVisible();
  await expect(other.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
});
