import {
  addShape,
  connectShapes,
  type ProcessDocument,
  serializeProcess,
  updateShape,
} from '@junction/process-model';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { openNewProcess, shape } from './designer-helpers.ts';

/** The stored process with a Stop added after Start and Start renamed: an edited export. */
async function editedExport(request: APIRequestContext, id: string): Promise<string> {
  const exported = await request.get(`/api/processes/${id}/export`);
  expect(exported.status()).toBe(200);
  let file = (await exported.json()) as ProcessDocument;
  file = addShape(file, { id: 'stop', kind: 'stop', position: { x: 360, y: 160 } });
  file = connectShapes(file, {
    id: 'to-stop',
    from: { shape: 'start', port: 'default' },
    to: { shape: 'stop' },
  });
  const start = file.shapes['start'];
  if (!start) {
    throw new Error('the export has no Start shape');
  }
  return serializeProcess(updateShape(file, 'start', { ...start, label: 'Receive invoices' }));
}

function pickFile(page: Page, name: string, text: string) {
  return page.getByLabel('Import file…').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

async function revisionCount(request: APIRequestContext, id: string): Promise<number> {
  const res = await request.get(`/api/processes/${id}/revisions`);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

test('a process file replaces the open process only after its diff is confirmed', async ({
  page,
  request,
}) => {
  const id = await openNewProcess(page, request, 'Invoice sync');
  const file = await editedExport(request, id);

  await pickFile(page, 'invoice-sync.junction.json', file);
  const dialog = page.getByRole('dialog', {
    name: 'Replace “Invoice sync” with invoice-sync.junction.json',
  });
  await expect(dialog.getByLabel('Summary of differences')).toHaveText(
    '1 shape added · 1 shape changed · 1 connection added',
  );
  await expect(dialog.getByRole('region', { name: 'Shape Stop, added' })).toBeVisible();
  await expect(
    dialog.getByRole('region', { name: 'Shape Receive invoices, changed' }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Receive invoices — changed' }).click();
  await expect(
    dialog
      .getByRole('table', { name: 'Changes to Receive invoices' })
      .getByRole('row', { name: 'label "" "Receive invoices"' }),
  ).toBeVisible();

  // Cancel stores nothing and leaves the designer as it was.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await revisionCount(request, id)).toBe(1);
  await expect(shape(page, 'Stop')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // The dialog is modal: Escape cancels too.
  await pickFile(page, 'invoice-sync.junction.json', file);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Replace saves the file as the next revision and opens it.
  await pickFile(page, 'invoice-sync.junction.json', file);
  await dialog.getByRole('button', { name: 'Replace process' }).click();
  await expect(dialog).toBeHidden();
  await expect(shape(page, 'Stop')).toBeVisible();
  await expect(shape(page, 'Receive invoices')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect(await revisionCount(request, id)).toBe(2);
  const stored = await (await request.get(`/api/processes/${id}`)).json();
  expect(stored).toMatchObject({ revision: 2, document: { id, name: 'Invoice sync' } });
  expect(Object.keys(stored.document.shapes).sort()).toEqual(['start', 'stop']);
});

test('a file that is not valid JSON or not a process is refused, saying where', async ({
  page,
  request,
}) => {
  const id = await openNewProcess(page, request, 'Refusals');
  await pickFile(page, 'broken.json', '{\n  "schemaVersion": 1,\n  "name": }');
  // The problem is a toast that stays until it is dismissed.
  const notifications = page.getByRole('region', { name: /^Notifications/ });
  await expect(notifications).toContainText('line 3');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await notifications.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notifications).not.toContainText('line 3');
  await pickFile(page, 'other.json', JSON.stringify({ hello: 'world' }));
  await expect(notifications).toContainText('The file is not a Junction process.');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await revisionCount(request, id)).toBe(1);
});

test('a save made while the diff is open is a conflict: the diff moves to it and asks again', async ({
  page,
  request,
}) => {
  const id = await openNewProcess(page, request, 'Busy process');
  const file = await editedExport(request, id);
  await pickFile(page, 'busy.junction.json', file);
  // Named after the stored process, which changes under it; the file stays.
  const dialog = page.getByRole('dialog', { name: /^Replace .* with busy\.junction\.json$/ });
  await expect(dialog.getByRole('region', { name: 'Shape Stop, added' })).toBeVisible();

  // Someone else saves revision 2 (a rename) meanwhile.
  const theirs = (await (await request.get(`/api/processes/${id}`)).json()).document;
  const saved = await request.put(`/api/processes/${id}`, {
    data: { ...theirs, name: 'Busy process (theirs)' },
    headers: { 'if-match': '"1"' },
  });
  expect(saved.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Replace process' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Someone saved revision 2 meanwhile');
  // The file now reads against their revision: the name they gave is what it undoes.
  await expect(
    dialog
      .getByRole('table', { name: 'Process' })
      .getByRole('row', { name: 'name "Busy process (theirs)" "Busy process"' }),
  ).toBeVisible();
  expect(await revisionCount(request, id)).toBe(2);

  await dialog.getByRole('button', { name: 'Replace process' }).click();
  await expect(dialog).toBeHidden();
  await expect(shape(page, 'Stop')).toBeVisible();
  await expect(page.getByLabel('Process name')).toHaveValue('Busy process');
  expect(await revisionCount(request, id)).toBe(3);
});
