import { randomUUID } from 'node:crypto';
import { insertShapeOnConnection } from '@junction/process-model';
import { expect, test } from '@playwright/test';
import { choose, shape } from './designer-helpers.ts';
import { passthroughProcess } from './test-processes.ts';

const SAMPLE = '{"id":"PR-1","customer":{"name":"ann"},"qty":2}';

test('map with the mapper: infer, drag and list mappings, a function, preview, save and test', async ({
  page,
  request,
}) => {
  const doc = insertShapeOnConnection(
    passthroughProcess(randomUUID(), 'Mapper'),
    'c1',
    {
      id: 'map',
      kind: 'map',
      position: { x: 240, y: 160 },
      // A file cannot hold an empty Map; this earlier row shows up in the mapper too.
      shape: {
        kind: 'map',
        label: '',
        config: { expression: '', mappings: [{ from: 'qty', to: 'quantity' }] },
      },
    },
    'c2',
  );
  const imported = await request.post('/api/processes/import', { data: doc });
  expect(imported.status(), await imported.text()).toBe(201);
  const { id } = (await imported.json()) as { id: string };
  await page.goto(`/processes/${id}`);

  await shape(page, 'Map').click();
  await page.getByRole('button', { name: 'Open mapper' }).click();
  const mapper = page.getByRole('dialog', { name: 'Mapper' });

  // Both profiles from samples: the source's is the preview's input too.
  await mapper.getByLabel('Source sample JSON').fill(SAMPLE);
  await mapper.getByRole('button', { name: 'Infer source profile' }).click();
  const sources = mapper.getByRole('list', { name: 'Source fields' });
  await expect(sources).toContainText('customer.name');
  await expect(mapper.getByRole('button', { name: 'Mapping 1 functions: none' })).toBeVisible();
  await mapper.getByLabel('Target sample JSON').fill('{"externalId":"X","buyer":"Y"}');
  await mapper.getByRole('button', { name: 'Infer target profile' }).click();
  const targets = mapper.getByRole('list', { name: 'Target fields' });

  // One mapping by drag, one through the list view.
  await sources
    .getByText('id', { exact: true })
    .dragTo(targets.getByText('externalId', { exact: true }));
  await expect(mapper.getByRole('button', { name: 'Mapping 2 functions: none' })).toBeVisible();
  await choose(
    mapper.getByRole('combobox', { name: 'Source field', exact: true }),
    'customer.name',
  );
  await choose(mapper.getByRole('combobox', { name: 'Target field', exact: true }), 'buyer');
  await mapper.getByRole('button', { name: 'Add mapping' }).click();

  // The second row's line opens its functions; the first function offered is Upper case.
  await mapper.getByRole('button', { name: 'Mapping 3 functions: none' }).click();
  await mapper.getByRole('button', { name: 'Add function to mapping 3' }).click();
  await expect(mapper.getByLabel('Mapping 3 step 1 function')).toHaveText('Upper case');
  await expect(mapper.getByRole('button', { name: 'Mapping 3 functions: upper' })).toBeVisible();

  const preview = mapper.getByRole('region', { name: 'Preview output' });
  await expect(preview).toContainText('"externalId": "PR-1"');
  await expect(preview).toContainText('"buyer": "ANN"');
  await expect(preview).toContainText('"quantity": 2');

  await mapper.getByRole('button', { name: 'Close mapper' }).click();
  await expect(mapper).toBeHidden();
  await expect(page.getByLabel('Mapping 3 from')).toHaveValue('customer.name');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // A test run on pinned input maps the document the same way.
  await page.getByRole('button', { name: 'Test input…' }).click();
  await page.getByRole('dialog', { name: 'Test input' }).getByLabel('Test documents').fill(SAMPLE);
  await page.getByRole('button', { name: 'Pin test input' }).click();
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Test run' }).getByRole('status')).toHaveText(
    'Complete',
  );
  await shape(page, 'Map').click();
  const results = page.getByRole('complementary', { name: 'Test results' });
  await results.getByRole('button', { name: /^Out \(1\)/ }).click();
  await results.getByRole('option').first().click();
  const detail = results.getByRole('region', { name: 'Document' });
  await detail.getByRole('button', { name: 'Text' }).click();
  // The text view indents JSON.
  await expect(detail.locator('pre')).toContainText('"buyer": "ANN"');
  await expect(detail.locator('pre')).toContainText('"externalId": "PR-1"');
});
