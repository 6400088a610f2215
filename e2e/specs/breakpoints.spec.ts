import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { shape } from './designer-helpers.ts';
import { shoutProcess } from './test-processes.ts';

const runBar = (page: Page) => page.getByRole('region', { name: 'Test run' });
const paused = (page: Page) => page.getByRole('region', { name: 'Paused test run' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Test results' });

test.describe('Breakpoints and stepping', () => {
  test.beforeEach(async ({ page, request }) => {
    const imported = await request.post('/api/processes/import', {
      data: shoutProcess(randomUUID(), 'Shouting'),
    });
    expect(imported.status()).toBe(201);
    const { id } = (await imported.json()) as { id: string };
    const documents = [{ data: '{"v":"a"}' }, { data: '{"v":"b"}' }];
    expect(
      (await request.put(`/api/processes/${id}/test-input`, { data: { documents } })).status(),
    ).toBe(200);
    await page.goto(`/processes/${id}`);
    await expect(shape(page, 'Shout')).toBeVisible();
  });

  test('F9 sets a breakpoint; the run pauses there, takes an edited document, steps, continues', async ({
    page,
  }) => {
    await shape(page, 'Shout').click();
    await page.keyboard.press('F9');
    await expect(page.getByRole('button', { name: 'Breakpoint on Shout' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.getByRole('button', { name: 'Test', exact: true }).click();

    await expect(paused(page)).toContainText('Paused before Shout (breakpoint)');
    await expect(paused(page)).toContainText('2 documents waiting');
    await expect(page.getByRole('status', { name: 'Paused before Shout' })).toHaveText(
      'Paused here',
    );
    await expect(runBar(page).getByRole('status')).toHaveText('Running');
    const second = paused(page).getByLabel('Data of document in-2');
    await expect(second).toHaveValue('{"v":"b"}');
    await second.fill('{"v":"edited"}');
    await paused(page).getByRole('button', { name: 'Step' }).click();

    await expect(paused(page)).toContainText('Paused before Stop (step)');
    await expect(paused(page).getByLabel('Data of document in-2')).toHaveValue('edited!');
    await paused(page).getByRole('button', { name: 'Continue' }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Complete');
    await expect(paused(page)).toHaveCount(0);

    await panel(page).getByRole('tab', { name: 'Logs' }).click();
    await expect(panel(page).getByRole('list', { name: 'Run log' })).toContainText(
      'Paused before Shout (breakpoint), 2 documents waiting.',
    );
    await expect(panel(page).getByRole('list', { name: 'Run log' })).toContainText(
      'Stepped with 1 edited document.',
    );
  });

  test('a breakpoint set by clicking the shape’s margin pauses the run; Stop ends it aborted', async ({
    page,
  }) => {
    const margin = page.getByRole('button', { name: 'Breakpoint on Stop' });
    await margin.click();
    await expect(margin).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(paused(page)).toContainText('Paused before Stop (breakpoint)');
    await expect(paused(page).getByLabel('Data of document in-1')).toHaveValue('a!');
    await paused(page).getByRole('button', { name: 'Stop' }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Cancelled');
    await expect(runBar(page)).toContainText('Stopped while paused before shape stop.');

    // Cleared again, the next run goes straight through.
    await runBar(page).getByRole('button', { name: 'Back to editing' }).click();
    await margin.click();
    await expect(margin).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Complete');
  });

  test('edited properties that are not a JSON object of text are refused where they are', async ({
    page,
  }) => {
    await page.getByRole('button', { name: 'Breakpoint on Shout' }).click();
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await paused(page).getByLabel('Properties of document in-1 (JSON)').fill('{"n": 1}');
    await paused(page).getByRole('button', { name: 'Continue' }).click();
    await expect(paused(page).getByRole('alert')).toHaveText(
      'Properties of document in-1 must be a JSON object whose values are text.',
    );
    await paused(page).getByLabel('Properties of document in-1 (JSON)').fill('{"n": "1"}');
    await paused(page).getByRole('button', { name: 'Continue' }).click();
    await expect(runBar(page).getByRole('status')).toHaveText('Complete');
  });
});
