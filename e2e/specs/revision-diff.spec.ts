import { expect, test } from '@playwright/test';
import { addFromPalette, choose, openNewProcess } from './designer-helpers.ts';

test('two saved revisions compare on the canvas, shape by shape and field by field', async ({
  page,
  request,
}) => {
  await openNewProcess(page, request, 'Order sync');
  await addFromPalette(page, 'Stop');
  await page.getByLabel('Process name').fill('Order sync v2');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.getByRole('link', { name: 'Compare revisions' }).click();
  await expect(page.getByRole('heading', { name: 'Compare revisions' })).toBeVisible();
  // Newest against the one before it, by default.
  await expect(page.getByLabel('From revision', { exact: true })).toHaveText('Revision 1');
  await expect(page.getByLabel('To revision', { exact: true })).toHaveText('Revision 2');
  await expect(page.getByLabel('Summary of differences')).toHaveText(
    '1 shape added · 1 process field changed',
  );
  await expect(page.getByRole('region', { name: 'Shape Stop, added' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Shape Start, unchanged' })).toBeVisible();
  const process = page.getByRole('table', { name: 'Process' });
  await expect(
    process.getByRole('row', { name: 'name "Order sync" "Order sync v2"' }),
  ).toBeVisible();

  // The other way round, the same shape was removed, and stays where it stood.
  await choose(page.getByLabel('From revision', { exact: true }), 'Revision 2');
  await choose(page.getByLabel('To revision', { exact: true }), 'Revision 1');
  await expect(page.getByRole('region', { name: 'Shape Stop, removed' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop — removed' }).click();
  await expect(page.getByRole('button', { name: 'Stop — removed' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page.getByRole('link', { name: 'Back to the designer' }).click();
  await expect(page.getByLabel('Process name')).toHaveValue('Order sync v2');

  // Unsaved changes compare too: the working copy against the latest revision.
  await addFromPalette(page, 'Notify');
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
  await page.getByRole('link', { name: 'Compare revisions' }).click();
  await expect(page.getByLabel('To revision', { exact: true })).toHaveText(
    'Working copy (unsaved)',
  );
  await expect(page.getByLabel('From revision', { exact: true })).toHaveText('Revision 2');
  await expect(page.getByLabel('Summary of differences')).toHaveText('1 shape added');
  await expect(page.getByRole('region', { name: 'Shape Notify, added' })).toBeVisible();
});
