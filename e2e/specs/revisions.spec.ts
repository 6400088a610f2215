import { expect, type Page, test } from '@playwright/test';
import { openNewProcess } from './designer-helpers.ts';

const revisionList = (page: Page) => page.getByRole('list', { name: 'Revisions' });

test('an older revision opens read-only and is restored as the new latest one', async ({
  page,
  request,
}) => {
  const id = await openNewProcess(page, request, 'Invoice sync');
  // Revision 2 renames it: the name is the change a restore must take back.
  await page.getByLabel('Process name').fill('Invoice sync v2');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.getByRole('link', { name: 'Revisions', exact: true }).click();
  const items = revisionList(page).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('Revision 2');
  await expect(items.first()).toContainText('by the administrator');
  await expect(page.getByText('This is the latest revision.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore this revision' })).toHaveCount(0);

  await revisionList(page).getByRole('link', { name: 'Revision 1' }).click();
  await expect(page).toHaveURL(new RegExp(`/processes/${id}/revisions/1$`));
  const canvas = page.getByLabel('Revision 1 (read-only)');
  await expect(canvas.getByRole('region', { name: 'Shape Start' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore this revision' }).click();

  // Back in the designer on revision 3, which is revision 1's content.
  await expect(page).toHaveURL(new RegExp(`/processes/${id}$`));
  await expect(page.getByLabel('Process name')).toHaveValue('Invoice sync');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.getByRole('link', { name: 'Revisions', exact: true }).click();
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText('Revision 3');
  await expect(items.first()).toContainText('restored from revision 1');
  // Nothing was lost: revision 2 still opens.
  await revisionList(page).getByRole('link', { name: 'Revision 2' }).click();
  await expect(page.getByLabel('Revision 2 (read-only)')).toBeVisible();
});

test('a restore over a revision saved meanwhile asks first, like a save', async ({
  page,
  request,
}) => {
  const id = await openNewProcess(page, request, 'Usage upload');
  const latest = await (await request.get(`/api/processes/${id}`)).json();
  const rename = (name: string, revision: number) =>
    request.put(`/api/processes/${id}`, {
      headers: { 'if-match': `"${revision}"` },
      data: { ...latest.document, name },
    });
  expect((await rename('Usage upload v2', 1)).status()).toBe(200);

  await page.goto(`/processes/${id}/revisions/1`);
  await expect(revisionList(page).getByRole('listitem')).toHaveCount(2);
  // Someone else saves revision 3 while the page shows 2 as the latest.
  expect((await rename('Usage upload v3', 2)).status()).toBe(200);
  await page.getByRole('button', { name: 'Restore this revision' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Someone saved revision 3');
  await expect(alert).toContainText('Nothing was restored.');
  await alert.getByRole('button', { name: 'Restore over revision 3' }).click();
  await expect(page.getByLabel('Process name')).toHaveValue('Usage upload');
  const revisions = await (await request.get(`/api/processes/${id}/revisions`)).json();
  expect(revisions.items.map((r: { revision: number }) => r.revision)).toEqual([4, 3, 2, 1]);
});
