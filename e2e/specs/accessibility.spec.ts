import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { shape } from './designer-helpers.ts';
import { shoutProcess } from './test-processes.ts';

/** Serious and critical WCAG A/AA violations on the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// Each theme is checked on its own: contrast is a property of the colours, which the
// theme changes. The default preference follows the system, which these emulate.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility in the ${colorScheme} theme (axe-core, WCAG 2.1 A and AA)`, () => {
    test.use({ colorScheme });

    let processId: string;
    test.beforeEach(async ({ request }) => {
      const imported = await request.post('/api/processes/import', {
        data: shoutProcess(randomUUID(), 'Accessible'),
      });
      processId = ((await imported.json()) as { id: string }).id;
    });

    for (const [name, path, ready] of [
      ['Processes', '/processes', 'Processes'],
      ['Connections', '/connections', 'Connections'],
      ['Deployments', '/deployments', 'Deployments'],
      ['Accounts', '/accounts', /^Account/],
    ] as const) {
      test(`${name} page has no serious or critical violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { name: ready, level: 1 })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        expect(await violations(page)).toEqual([]);
      });
    }

    test('the designer, Test mode and the compare and revisions pages have none', async ({
      page,
      request,
    }) => {
      const pin = async (v: string) =>
        expect(
          (
            await request.put(`/api/processes/${processId}/test-input`, {
              data: { documents: [{ data: JSON.stringify({ v }) }] },
            })
          ).status(),
        ).toBe(200);
      await pin('hello');
      await page.goto(`/processes/${processId}`);
      await expect(page.getByRole('region', { name: 'Shape Shout' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      const runBar = page.getByRole('region', { name: 'Test run' });
      await expect(runBar.getByRole('status')).toHaveText('Complete');
      expect(await violations(page)).toEqual([]);
      // The document viewer as coloured text, with its Copy button.
      await shape(page, 'Start').click();
      const results = page.getByRole('complementary', { name: 'Test results' });
      await results.getByRole('option').first().click();
      await results.getByRole('button', { name: 'Text', exact: true }).click();
      await expect(results.getByRole('region', { name: 'Text view' })).toBeVisible();
      expect(await violations(page)).toEqual([]);

      // A second run with other input, and the two compared full width.
      await runBar.getByRole('button', { name: 'Back to editing' }).click();
      await pin('goodbye');
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      await expect(runBar.getByRole('status')).toHaveText('Complete');
      const runs = (await (await request.get(`/api/processes/${processId}/runs`)).json()).items;
      await page.goto(`/processes/${processId}/runs/${runs[1].id}/compare/${runs[0].id}`);
      const diff = page.getByRole('table', { name: 'Side-by-side diff' });
      await expect(diff).toContainText('"v": "goodbye"');
      await expect(diff.locator('.hljs-string').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.goto(`/processes/${processId}/compare`);
      await expect(page.getByRole('heading', { name: 'Compare revisions' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.goto(`/processes/${processId}/revisions`);
      await expect(page.getByRole('heading', { name: /^Revision/, level: 1 })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}
