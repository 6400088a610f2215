import { randomUUID } from 'node:crypto';
import type { ProcessDocument } from '@junction/process-model';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { shape } from './designer-helpers.ts';
import {
  connectorProcess,
  notifyProcess,
  passthroughProcess,
  shoutProcess,
} from './test-processes.ts';

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

/** Lines the text of an element takes on screen. */
async function lineCount(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
}

const runBar = (page: Page) => page.getByRole('region', { name: 'Test run' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Test results' });

/** Imports the process with these test input documents, opens it and tests it to Complete. */
async function testWithInput(
  page: Page,
  request: APIRequestContext,
  doc: ProcessDocument,
  documents: { data: string }[],
): Promise<void> {
  const imported = await request.post('/api/processes/import', { data: doc });
  expect(imported.status()).toBe(201);
  const { id } = (await imported.json()) as { id: string };
  expect(
    (await request.put(`/api/processes/${id}/test-input`, { data: { documents } })).status(),
  ).toBe(200);
  await page.goto(`/processes/${id}`);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(runBar(page).getByRole('status')).toHaveText('Complete');
}

/** Opens the first document a shape's list shows on one side, in the Text view. */
async function openAsText(page: Page, shapeName: string, side: RegExp) {
  await shape(page, shapeName).click();
  await panel(page).getByRole('button', { name: side }).click();
  await panel(page).getByRole('option').first().click();
  const detail = panel(page).getByRole('region', { name: 'Document' });
  await detail.getByRole('button', { name: 'Text' }).click();
  return { detail, text: detail.getByRole('region', { name: 'Text view' }) };
}

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

  test('inspect a shape’s documents as tree, text and table, and follow one along its path', async ({
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
    await detail.getByRole('button', { name: 'Text' }).click();
    await expect(detail.getByRole('region', { name: 'Text view' })).toContainText('"id"');
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

  test('a List’s records show in its document list while it still reads pages', async ({
    page,
    request,
  }) => {
    // Every page of requests takes a while: the List stores each before reading the next.
    const held = await request.put('/sandbox/admin/faults', {
      data: { rules: [{ path: '/requests', method: 'GET', fault: 'latency', latencyMs: 2500 }] },
    });
    expect(held.status()).toBeLessThan(300);
    try {
      await openProcess(
        page,
        request,
        connectorProcess(randomUUID(), 'Live list', { action: 'list', object: 'request' }),
      );
      // Reads of the run's record: its events keep it while the run goes on, so it is
      // not polled every second as well.
      const recordReads: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'GET' && /^\/api\/runs\/[^/]+$/.test(new URL(r.url()).pathname)) {
          recordReads.push(r.url());
        }
      });
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      await expect(runBar(page).getByRole('status')).toHaveText('Running');
      await shape(page, 'Connector').click();
      // Opened before its first page came back: nothing stored yet.
      await expect(panel(page)).toContainText('No documents left this shape yet.');
      // Then the first pages' records, while the run still reads the rest.
      await expect(panel(page).getByRole('option').first()).toContainText('PR-');
      await expect(panel(page)).toContainText(/[\d,]+ stored so far; the run is still going\./);
      // Its counts come when it finishes: no "Out (0)" beside the records it has stored.
      const documents = panel(page).getByRole('group', { name: 'Documents' });
      await expect(documents.getByRole('button', { name: /^Out\b/ })).toHaveText(/^Out(?! \()/);
      await expect(runBar(page).getByRole('status')).toHaveText('Running');
      await expect(runBar(page).getByRole('status')).toHaveText('Complete', { timeout: 45_000 });
      // As it started and at its end, perhaps once more before the stream opened; polled,
      // the record was read once a second over the 7 s and more the pages take (9 reads).
      expect(recordReads.length).toBeLessThanOrEqual(4);
      await expect(panel(page)).not.toContainText('stored so far');
      await expect(documents.getByRole('button', { name: /^Out\b/ })).toHaveText(
        /^Out \([1-9][\d,]*\)/,
      );
      await expect(panel(page).getByRole('option').first()).toContainText('PR-');
    } finally {
      await request.delete('/sandbox/admin/faults');
    }
  });

  test('a document opened at a shape shows its data as it was there, shape by shape', async ({
    page,
    request,
  }) => {
    // Shout rewrites the document but keeps its id: at Start it is still the input.
    await testWithInput(page, request, shoutProcess(randomUUID(), 'As it was'), [
      { data: '{"v":"hey"}' },
    ]);
    const { detail, text } = await openAsText(page, 'Start', /^Out \(1\)/);
    // JSON is shown indented: match its value, not its spacing.
    await expect(text).toHaveText(/^\{\s*"v": "hey"\s*\}$/);

    await detail.getByRole('button', { name: 'Next shape →' }).click();
    await expect(panel(page).getByRole('heading', { name: 'Shout', exact: true })).toBeVisible();
    await expect(text).toHaveText('hey!');
    await detail.getByRole('button', { name: '← Previous shape' }).click();
    await expect(text).toHaveText(/^\{\s*"v": "hey"\s*\}$/);
  });

  test('errors are grouped under their shape, and one click opens the failing document', async ({
    page,
    request,
  }) => {
    const doc = connectorProcess(randomUUID(), 'Errors', {
      action: 'get',
      object: 'request',
      parameters: [{ name: 'id', value: { type: 'static', value: 'PR-0000-0000-0000-000' } }],
    });
    const processId = await openProcess(page, request, doc);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Error');
    await panel(page).getByRole('tab', { name: 'Errors' }).click();
    // Errors sit under their shape's name with the count; one click opens the failing document.
    const groups = panel(page).getByRole('region', { name: 'Errors by shape' });
    await expect(
      groups.getByRole('heading', { name: 'Connector (1 document)', level: 3 }),
    ).toBeVisible();
    const error = groups.getByRole('list', { name: 'Errors at Connector' }).getByRole('button');
    await expect(error).toHaveCount(1);
    await expect(error).toContainText('404');
    await error.click();
    await expect(
      panel(page).getByRole('heading', { name: 'Connector', exact: true }),
    ).toBeVisible();
    await expect(panel(page).getByRole('button', { name: 'In error (1)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(
      panel(page).getByRole('listbox', { name: 'Documents error' }).getByRole('option'),
    ).toHaveAttribute('aria-selected', 'true');
    const detail = panel(page).getByRole('region', { name: 'Document' });
    await expect(detail.getByRole('alert')).toContainText('404');
    const failing = await (await request.get(`/api/processes/${processId}/runs`)).json();
    const run = failing.items[0];
    const [failed] = (
      await (
        await request.get(`/api/runs/${run.id}/shapes/connector/documents?direction=error`)
      ).json()
    ).items;
    await expect(detail).toContainText(`Document ${failed.documentId}`);
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
    await expect(history).toContainText('Pick one more run to compare.');
    await boxes.nth(2).check();
    await expect(history.getByRole('link', { name: 'Compare the two runs' })).toBeVisible();
    await history
      .getByRole('button', { name: /^Open run/ })
      .last()
      .click();
    await expect(runBar(page).getByRole('status')).toHaveText('Complete');
    const runs = await (await request.get(`/api/processes/${processId}/runs`)).json();
    expect(runs.items).toHaveLength(3);
  });

  test('two runs compare full width, shape by shape, and a changed document opens side by side', async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
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
    await history.getByRole('link', { name: 'Compare the two runs' }).click();

    // A page of its own, full width: the earlier run is "before" whichever was ticked first.
    await expect(page.getByRole('heading', { name: 'Compare test runs', level: 1 })).toBeVisible();
    const runs = (await (await request.get(`/api/processes/${processId}/runs`)).json()).items;
    const [newer, older] = runs as { id: string }[];
    await expect(page).toHaveURL(`/processes/${processId}/runs/${older!.id}/compare/${newer!.id}`);
    const comparison = page.getByRole('table', { name: 'Run comparison' });
    const rows = comparison.getByRole('row');
    // Shapes in process order, both runs' counts side by side.
    await expect(rows.nth(2)).toContainText('Start');
    await expect(rows.nth(3)).toContainText('Stop');
    await expect(rows.nth(3).getByRole('cell')).toHaveText(['2', '0', '0', '2', '0', '0', /.*/]);
    const atStop = rows.nth(3).getByRole('button', { name: '1 of 2 changed' });
    await expect(rows.nth(2).getByRole('button', { name: '1 of 2 changed' })).toBeVisible();
    // Nothing in the table wraps, let alone mid-word, at 1440×900.
    for (const cell of await comparison.locator('th, button').all()) {
      expect(await lineCount(cell), (await cell.textContent()) ?? '').toBe(1);
    }

    await atStop.click();
    await expect(atStop).toHaveAttribute('aria-pressed', 'true');
    const changed = page.getByRole('region', { name: 'Changed documents at Stop' });
    await expect(changed.getByRole('button')).toHaveCount(1);
    await changed.getByRole('button', { name: /^Document 2/ }).click();
    const diff = page
      .getByRole('region', { name: 'Document 2 at Stop' })
      .getByRole('table', { name: 'Side-by-side diff' });
    // Before | after, the changed line marked on both sides, the same lines unmarked.
    const line = diff.getByRole('row').filter({ hasText: '"n": 2' });
    await expect(line).toContainText('"n": 3');
    await expect(line.locator('td.is-removed').last()).toHaveText('"n": 2');
    await expect(line.locator('td.is-added').last()).toHaveText('"n": 3');
    await expect(line).toContainText('before:');
    await expect(diff.getByRole('row').filter({ hasText: '{' }).locator('.is-removed')).toHaveCount(
      0,
    );
    await expect(page.getByRole('region', { name: 'Changes by path' }).getByRole('row')).toHaveText(
      ['n23'],
    );
    await page.getByRole('link', { name: 'Back to the designer' }).click();
    await expect(shape(page, 'Start')).toBeVisible();
  });

  test.describe('with clipboard access', () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

    test('a document reads as coloured text and copies with a spoken confirmation', async ({
      page,
      request,
    }) => {
      const data = '{"order":{"id":"PO-1","lines":[1,2],"paid":true,"note":null}}';
      await testWithInput(page, request, passthroughProcess(randomUUID(), 'Copy'), [{ data }]);
      const { detail, text } = await openAsText(page, 'Stop', /^In \(1\)/);
      await expect(text).toContainText('"lines": [');
      // Coloured by highlight.js: keys and strings in the theme's code colours.
      const key = text.locator('.hljs-attr').first();
      await expect(key).toHaveText('"order"');
      const colours = await text.evaluate((el) => {
        const of = (selector: string) =>
          getComputedStyle(el.querySelector(selector) as Element).color;
        return [of('.hljs-attr'), of('.hljs-string'), of('.hljs-literal'), of('pre')];
      });
      expect(new Set(colours).size).toBe(4);

      const status = detail.getByRole('status');
      await expect(status).toHaveText('');
      await detail.getByRole('button', { name: 'Copy' }).click();
      await expect(status).toHaveText('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(data);
    });
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
