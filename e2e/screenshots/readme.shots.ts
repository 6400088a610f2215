import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { insertShapeOnConnection, moveShapes, updateShape } from '@junction/process-model';
import { expect, type Page, test } from '@playwright/test';
import { shoutProcess } from '../specs/test-processes.ts';

const OUT = new URL('../../docs/screenshots/', import.meta.url).pathname;
const snap = (page: Page, name: string) => page.screenshot({ path: `${OUT}${name}.png` });

test('breakpoint: a test run paused before a shape, its documents open to edit', async ({
  page,
  request,
}) => {
  const imported = await request.post('/api/processes/import', {
    data: shoutProcess(randomUUID(), 'Shout at orders'),
  });
  const { id } = (await imported.json()) as { id: string };
  const documents = [{ data: '{"v":"order 1"}' }, { data: '{"v":"order 2"}' }];
  await request.put(`/api/processes/${id}/test-input`, { data: { documents } });
  await page.goto(`/processes/${id}`);
  await page.getByRole('button', { name: 'Breakpoint on Shout' }).click();
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const paused = page.getByRole('region', { name: 'Paused test run' });
  await expect(paused).toContainText('Paused before Shout');
  await paused.getByLabel('Data of document in-2').fill('{"v":"order 2, edited"}');
  await snap(page, 'breakpoint-paused');
  await paused.getByRole('button', { name: 'Stop' }).click();
});

test('revision diff: two saved revisions on one canvas', async ({ page, request }) => {
  const first = shoutProcess(randomUUID(), 'Order sync');
  const imported = await request.post('/api/processes/import', { data: first });
  const { id } = (await imported.json()) as { id: string };
  // Revision 2: Shout renamed and moved down, a Notify added before Stop.
  const shout = first.shapes['shout'];
  let second = updateShape({ ...first, id }, 'shout', { ...shout!, label: 'Shout louder' });
  second = moveShapes(second, { shout: { x: 340, y: 280 } });
  second = insertShapeOnConnection(
    second,
    'c2',
    { id: 'notify', kind: 'notify', position: { x: 470, y: 40 } },
    'c3',
  );
  const saved = await request.put(`/api/processes/${id}`, {
    headers: { 'if-match': '"1"' },
    data: second,
  });
  expect(saved.status()).toBe(200);
  await page.goto(`/processes/${id}/compare`);
  await expect(page.getByLabel('Summary of differences')).toBeVisible();
  await page
    .getByRole('button', { name: /^Shout louder/ })
    .first()
    .click();
  await snap(page, 'revision-diff');
});

test('Boomi import: the preview as a diff against an empty process', async ({ page }) => {
  const fixture = readFileSync(
    new URL(
      '../../packages/process-model/src/import/boomi/fixtures/connect-bundle.xml',
      import.meta.url,
    ),
  );
  await page.goto('/processes');
  await page.locator('input[type=file]').setInputFiles({
    name: 'approve-requests.xml',
    mimeType: 'text/xml',
    buffer: fixture,
  });
  await expect(page.getByLabel('Summary of differences')).toBeVisible();
  await snap(page, 'boomi-import');
});
