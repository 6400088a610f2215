import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
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
    }) => {
      await page.goto(`/processes/${processId}`);
      await expect(page.getByRole('region', { name: 'Shape Shout' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      await expect(page.getByRole('region', { name: 'Test run' }).getByRole('status')).toHaveText(
        'Complete',
      );
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
