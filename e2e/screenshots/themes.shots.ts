import { randomUUID } from 'node:crypto';
import { insertShapeOnConnection, moveShapes } from '@junction/process-model';
import { expect, type Page, test } from '@playwright/test';
import { connectorProcess } from '../specs/test-processes.ts';

const OUT = new URL('../../docs/screenshots/', import.meta.url).pathname;

/** Approved requests from the sandbox, mapped to a partner's shape: the README's example. */
function exampleProcess() {
  const listed = connectorProcess(randomUUID(), 'Sync purchase requests', {
    action: 'list',
    object: 'request',
  });
  return insertShapeOnConnection(
    moveShapes(listed, { stop: { x: 880, y: 160 } }),
    'c2',
    {
      id: 'map',
      kind: 'map',
      position: { x: 600, y: 160 },
      shape: {
        kind: 'map',
        label: 'To partner order',
        config: {
          expression: '',
          mappings: [
            { from: 'id', to: 'externalId' },
            { from: 'asset.id', to: 'assetId' },
            { from: 'status', to: 'state', steps: [{ fn: 'upper' }] },
          ],
        },
      },
    },
    'c3',
  );
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    const snap = (page: Page, name: string) =>
      page.screenshot({ path: `${OUT}${name}-${theme}.png` });

    test('the designer, Test mode and the mapper', async ({ page, request }) => {
      const imported = await request.post('/api/processes/import', { data: exampleProcess() });
      expect(imported.status(), await imported.text()).toBe(201);
      const { id } = (await imported.json()) as { id: string };
      await page.goto(`/processes/${id}`);
      await page.getByRole('region', { name: 'Shape Connector' }).click();
      await expect(page.getByRole('complementary', { name: 'Options' })).toBeVisible();
      await snap(page, 'designer');

      await page.getByRole('button', { name: 'Test', exact: true }).click();
      await expect(page.getByRole('region', { name: 'Test run' }).getByRole('status')).toHaveText(
        'Complete',
      );
      await page.getByRole('region', { name: 'Shape To partner order' }).click();
      const results = page.getByRole('complementary', { name: 'Test results' });
      await results.getByRole('option').first().click();
      await results.getByRole('button', { name: 'Text', exact: true }).click();
      await snap(page, 'test-mode');

      await page
        .getByRole('region', { name: 'Test run' })
        .getByRole('button', {
          name: 'Back to editing',
        })
        .click();
      await page.getByRole('region', { name: 'Shape To partner order' }).click();
      await page.getByRole('button', { name: 'Open mapper' }).click();
      const mapper = page.getByRole('dialog', { name: 'Mapper' });
      await mapper
        .getByLabel('Source sample JSON')
        .fill('{"id":"PR-1","status":"approved","asset":{"id":"AS-1"}}');
      await mapper.getByRole('button', { name: 'Infer source profile' }).click();
      await expect(mapper.getByRole('region', { name: 'Preview output' })).toContainText(
        'APPROVED',
      );
      await snap(page, 'mapper');
    });

    test('the Processes and Connections pages', async ({ page }) => {
      await page.goto('/processes');
      await expect(page.getByRole('heading', { name: 'Processes', level: 1 })).toBeVisible();
      await snap(page, 'processes');
      await page.goto('/connections');
      await expect(page.getByRole('heading', { name: 'Connections', level: 1 })).toBeVisible();
      await snap(page, 'connections');
    });
  });
}
