import { randomUUID } from 'node:crypto';
import type { ProcessDocument } from '@junction/process-model';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { shape } from './designer-helpers.ts';
import { connectorProcess, notifyProcess, passthroughProcess } from './test-processes.ts';

async function openProcess(
  page: Page,
  request: APIRequestContext,
  doc: ProcessDocument,
): Promise<string> {
  const imported = await request.post('/api/processes/import', { data: doc });
  expect(imported.status()).toBe(201);
  const { id } = (await imported.json()) as { id: string };
  await page.goto(`/processes/${id}`);
  await expect(shape(page, 'Start')).toBeVisible();
  return id;
}

const runBar = (page: Page) => page.getByRole('region', { name: 'Test run' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Test results' });

test.describe('Test mode', () => {
  test('a run that logged a warning ends Complete with warnings, and the Logs tab shows it', async ({
    page,
    request,
  }) => {
    await openProcess(page, request, notifyProcess(randomUUID(), 'Warns'));
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Complete with warnings');
    await expect(runBar(page)).toContainText('Warnings are in the Logs tab.');
    await panel(page).getByRole('tab', { name: 'Logs' }).click();
    await expect(panel(page)).toContainText('Heads up: written once');
  });

  test('inspect a shape’s documents as tree, raw and table, and follow one along its path', async ({
    page,
    request,
  }) => {
    await openProcess(
      page,
      request,
      connectorProcess(randomUUID(), 'Inspect', { action: 'list', object: 'product' }),
    );
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Complete');

    await shape(page, 'Connector').click();
    await expect(
      panel(page).getByRole('heading', { name: 'Connector', exact: true }),
    ).toBeVisible();
    await expect(panel(page)).toContainText(/Time in this shape: \d+(\.\d+)? (ms|s)/);
    await panel(page)
      .getByRole('button', { name: /^Out \(\d+\) · tracked$/ })
      .click();
    const first = panel(page).getByRole('option').first();
    await expect(first).toContainText('PRD-');
    await first.click();
    const detail = panel(page).getByRole('region', { name: 'Document' });
    await expect(detail.getByRole('list', { name: 'Document data' })).toContainText('id');
    await detail.getByRole('button', { name: 'Raw' }).click();
    await expect(detail.locator('pre')).toContainText('"id"');
    await detail.getByRole('button', { name: 'Table' }).click();
    await expect(
      detail.getByRole('table').first().getByRole('cell', { name: 'id', exact: true }),
    ).toBeVisible();

    // The document's path lights up, and it can be followed to the next shape.
    await expect(shape(page, 'Connector')).toHaveClass(/is-lineage/);
    await expect(shape(page, 'Stop')).toHaveClass(/is-lineage/);
    await detail.getByRole('button', { name: 'Next shape →' }).click();
    await expect(panel(page).getByRole('heading', { name: 'Stop', exact: true })).toBeVisible();
    await expect(detail.getByRole('region', { name: 'Data changes from its input' })).toBeVisible();

    // The canvas is read-only while a run is shown; leaving test mode returns to editing.
    const paletteConnector = page
      .getByRole('navigation', { name: 'Shapes' })
      .getByRole('button', { name: 'Connector', exact: true });
    await expect(paletteConnector).toBeDisabled();
    await runBar(page).getByRole('button', { name: 'Back to editing' }).click();
    await expect(page.getByRole('complementary', { name: 'Options' })).toBeVisible();
    await expect(paletteConnector).toBeEnabled();
  });

  test('documents in error are listed with their shape and message, and open at the shape', async ({
    page,
    request,
  }) => {
    const doc = connectorProcess(randomUUID(), 'Errors', {
      action: 'get',
      object: 'request',
      parameters: [{ name: 'id', value: { type: 'static', value: 'PR-0000-0000-0000-000' } }],
    });
    await openProcess(page, request, doc);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Error');
    await panel(page).getByRole('tab', { name: 'Errors' }).click();
    const error = panel(page)
      .getByRole('list', { name: 'Documents in error' })
      .getByRole('button')
      .first();
    await expect(error).toContainText('Connector');
    await expect(error).toContainText('404');
    await error.click();
    await expect(
      panel(page).getByRole('heading', { name: 'Connector', exact: true }),
    ).toBeVisible();
    await expect(
      panel(page).getByRole('region', { name: 'Document' }).getByRole('alert'),
    ).toContainText('404');
  });

  test('pinned test input feeds Start; runs stay in the history, can be compared, retried and re-run', async ({
    page,
    request,
  }) => {
    const processId = await openProcess(page, request, passthroughProcess(randomUUID(), 'History'));
    await page.getByRole('button', { name: 'Test input…' }).click();
    await page
      .getByRole('dialog', { name: 'Test input' })
      .getByLabel('Test documents')
      .fill('{"n":1}\n{"n":2}\n{"n":3}');
    await page.getByRole('button', { name: 'Pin test input' }).click();
    await expect(page.getByLabel('Use pinned input (3)')).toBeChecked();
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Complete');
    await expect(page.getByLabel('Start documents')).toHaveText('0 in · 3 out');

    await panel(page).getByRole('tab', { name: 'History' }).click();
    await panel(page).getByRole('button', { name: 'Retry this run' }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Complete');
    await shape(page, 'Stop').click();
    await panel(page).getByRole('tab', { name: 'Documents' }).click();
    await panel(page).getByRole('button', { name: 'Re-run from Stop' }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Complete');
    await expect(page.getByLabel('Stop documents')).toHaveText('3 in · 0 out');

    // After a reload the runs are still there, and two of them compare shape by shape.
    await page.reload();
    await page.getByRole('button', { name: 'Test runs' }).click();
    const history = panel(page).getByRole('region', { name: 'Run history' });
    await expect(history.getByRole('button', { name: /^Open run/ })).toHaveCount(3);
    const boxes = history.getByRole('checkbox');
    await boxes.nth(1).check();
    await boxes.nth(2).check();
    await expect(panel(page).getByRole('table', { name: 'Run comparison' })).toContainText(
      '3 in · 0 out',
    );
    await history
      .getByRole('button', { name: /^Open run/ })
      .last()
      .click();
    await expect(runBar(page).getByRole('status')).toHaveText('Complete');
    const runs = await (await request.get(`/api/processes/${processId}/runs`)).json();
    expect(runs.items).toHaveLength(3);
  });

  test('comparing two runs shows which documents changed at each shape', async ({
    page,
    request,
  }) => {
    const processId = await openProcess(page, request, passthroughProcess(randomUUID(), 'Compare'));
    for (const documents of [
      ['{"n":1}', '{"n":2}'],
      ['{"n":1}', '{"n":3}'],
    ]) {
      const pinned = { documents: documents.map((data) => ({ data })) };
      expect(
        (await request.put(`/api/processes/${processId}/test-input`, { data: pinned })).status(),
      ).toBe(200);
      await page.reload();
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      await expect(runBar(page).getByRole('status')).toHaveText('Complete');
      await runBar(page).getByRole('button', { name: 'Back to editing' }).click();
    }
    await page.getByRole('button', { name: 'Test runs' }).click();
    const history = panel(page).getByRole('region', { name: 'Run history' });
    await history.getByRole('checkbox').nth(0).check();
    await history.getByRole('checkbox').nth(1).check();
    const comparison = panel(page).getByRole('table', { name: 'Run comparison' });
    await expect(comparison.getByRole('row', { name: /Start/ })).toContainText('1 of 2 changed');
    await expect(comparison.getByRole('row', { name: /Stop/ })).toContainText('1 of 2 changed');
  });

  test('a 10,000-document run keeps the inspector responsive', async ({ page, request }) => {
    const processId = await openProcess(
      page,
      request,
      passthroughProcess(randomUUID(), 'Ten thousand'),
    );
    const documents = Array.from({ length: 10_000 }, (_, i) => ({
      data: JSON.stringify({ n: i + 1 }),
    }));
    expect(
      (
        await request.put(`/api/processes/${processId}/test-input`, { data: { documents } })
      ).status(),
    ).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Complete', { timeout: 60_000 });
    await expect(page.getByLabel('Stop documents')).toHaveText('10000 in · 0 out');

    await shape(page, 'Start').click();
    const list = panel(page).getByRole('listbox', { name: 'Documents out' });
    await expect(list.getByRole('option').first()).toContainText('{"n":1}');
    // Only the rows in view exist, and the last one is a scroll away.
    expect(await list.getByRole('option').count()).toBeLessThan(40);
    const started = Date.now();
    await list.evaluate((el) => {
      (el.parentElement as HTMLElement).scrollTop = 28 * 10_000;
    });
    await expect(list.getByRole('option').last()).toContainText('{"n":10000}');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
