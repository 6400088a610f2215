import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const fixture = readFileSync(
  new URL(
    '../../packages/process-model/src/import/boomi/fixtures/connect-bundle.xml',
    import.meta.url,
  ),
  'utf8',
);

test('a Boomi process export is previewed as a diff against an empty process, then created', async ({
  page,
}) => {
  await page.goto('/processes');
  await page.locator('input[type=file]').setInputFiles({
    name: 'approve-requests.xml',
    mimeType: 'text/xml',
    buffer: Buffer.from(fixture),
  });

  const preview = page.getByRole('region', {
    name: 'Import “Approve purchase requests” from Boomi',
  });
  await expect(preview.getByRole('list', { name: 'Shapes mapped (4)' })).toContainText(
    'Approve: Boomi connectoraction → Connector',
  );
  await expect(preview.getByRole('list', { name: /^Left out/ })).toContainText('ARCHIVE');
  await expect(preview.getByRole('list', { name: /^Issues to fix/ })).toContainText(
    'Choose a connection',
  );

  // The converted process as the diff against an empty process: all of it added,
  // read-only, with its notes saying what was left out.
  const canvas = preview.getByLabel('Preview of the imported process');
  await expect(canvas.getByRole('region', { name: 'Shape Approve, added' })).toBeVisible();
  await expect(preview.getByLabel('Summary of differences')).toHaveText(
    '4 shapes added · 3 connections added · 3 notes added',
  );
  await expect(preview.getByRole('button', { name: 'Approve — added' })).toBeVisible();
  await expect(
    canvas.getByRole('region', { name: 'Note, added' }).filter({ hasText: 'ARCHIVE' }),
  ).toBeVisible();
  await expect(canvas.getByRole('textbox')).toHaveCount(0);
  const noteTexts = () =>
    page
      .getByLabel('Note text')
      .evaluateAll((notes) => notes.map((n) => (n as HTMLTextAreaElement).value).join('\n'));

  await preview.getByRole('button', { name: 'Create process' }).click();
  await expect(page.getByLabel('Process name')).toHaveValue('Approve purchase requests');
  // The notes naming what was left out sit on the new process's canvas.
  await expect(page.getByLabel('Process canvas')).toBeVisible();
  await expect.poll(noteTexts).toContain('ARCHIVE');
});

test('a broken Boomi export is refused with the place of the problem', async ({ page }) => {
  await page.goto('/processes');
  await page.locator('input[type=file]').setInputFiles({
    name: 'broken.xml',
    mimeType: 'text/xml',
    buffer: Buffer.from('<bns:Component>\n  <shapes></bns:Component>'),
  });
  await expect(page.getByRole('alert')).toContainText('line 2');
});
