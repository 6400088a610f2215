import { randomUUID } from 'node:crypto';
import {
  addShape,
  connectShapes,
  createProcess,
  type ProcessDocument,
  type Shape,
  updateShape,
} from '@junction/process-model';
import { expect, type Page, test } from '@playwright/test';
import { shape } from './designer-helpers.ts';

const listRequests = {
  connector: 'cloudblue-connect',
  connectionId: 'sandbox',
  action: 'list',
  object: 'request',
  trackingDirection: 'output',
  returnApplicationErrors: false,
  parameters: [],
} as const;

function configured(doc: ProcessDocument, id: string, config: object): ProcessDocument {
  const found = doc.shapes[id] as Shape;
  return updateShape(doc, id, { ...found, config: { ...found.config, ...config } } as Shape);
}

/**
 * [List ->] Decision (pending?) -> Map -> Stop, the List at Start or as a shape
 * after a plain Start.
 */
function decideAndMap(listAtStart: boolean): ProcessDocument {
  let doc = createProcess({ id: randomUUID(), name: `Lineage ${listAtStart ? 'A' : 'B'}` });
  const kinds = [
    ...(listAtStart ? [] : [['list', 'connector'] as const]),
    ['decide', 'decision'],
    ['map', 'map'],
    ['stop', 'stop'],
  ] as const;
  kinds.forEach(([id, kind], i) => {
    doc = addShape(doc, { id, kind, position: { x: 240 + i * 220, y: 160 } });
  });
  const wires = [
    ...(listAtStart
      ? [['start', 'default', 'decide'] as const]
      : [['start', 'default', 'list'] as const, ['list', 'default', 'decide'] as const]),
    ['decide', 'true', 'map'],
    ['map', 'default', 'stop'],
  ] as const;
  wires.forEach(([from, port, to], i) => {
    doc = connectShapes(doc, { id: `c${i}`, from: { shape: from, port }, to: { shape: to } });
  });
  doc = listAtStart
    ? configured(doc, 'start', { mode: 'connector', operation: listRequests })
    : configured(doc, 'list', listRequests);
  doc = configured(doc, 'decide', {
    left: { type: 'profile-element', path: 'status' },
    operator: 'equals',
    right: { type: 'static', value: 'pending' },
  });
  return configured(doc, 'map', { mappings: [{ from: 'id', to: 'id' }], expression: '' });
}

const panel = (page: Page) => page.getByRole('complementary', { name: 'Test results' });

/** Tests the process and opens the first document the Map put out. */
async function openMapOutput(page: Page, doc: ProcessDocument) {
  const imported = await page.request.post('/api/processes/import', { data: doc });
  expect(imported.status()).toBe(201);
  await page.goto(`/processes/${((await imported.json()) as { id: string }).id}`);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Test run' }).getByRole('status')).toHaveText(
    'Complete',
  );
  await shape(page, 'Map').click();
  await panel(page)
    .getByRole('button', { name: /^Out \(\d+\)/ })
    .click();
  await panel(page).getByRole('option').first().click();
  const detail = panel(page).getByRole('region', { name: 'Document' });
  await expect(detail.getByRole('list', { name: 'Document data' })).toContainText('id');
  return detail;
}

test.describe('document lineage in Test mode', () => {
  test('a Map output after a Decision, from records Start listed, names no parent it cannot open', async ({
    page,
  }) => {
    const detail = await openMapOutput(page, decideAndMap(true));
    await expect(detail).not.toContainText('Made from');
    await expect(detail.getByRole('alert')).toHaveCount(0);
  });

  test('“Made from” opens the document it names', async ({ page }) => {
    const detail = await openMapOutput(page, decideAndMap(false));
    const link = detail.getByRole('button', { name: /^document d\d+$/ });
    const parentId = ((await link.textContent()) ?? '').replace('document ', '');
    await link.click();
    await expect(detail.getByText(`Document ${parentId}`, { exact: true })).toBeVisible();
    await expect(panel(page).getByRole('alert')).toHaveCount(0);
  });
});
