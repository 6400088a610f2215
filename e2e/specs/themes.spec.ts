import { expect, type Page, test } from '@playwright/test';
import { openNewProcess } from './designer-helpers.ts';

const pageBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test.describe('themes', () => {
  test.use({ colorScheme: 'light' });

  test('a chosen theme applies at once, to the canvas too, and is kept on the next visit', async ({
    page,
    request,
  }) => {
    await openNewProcess(page, request, 'Dark designer');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    const light = await pageBackground(page);

    await page.getByRole('button', { name: 'Theme: System' }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(await pageBackground(page)).not.toBe(light);
    // React Flow draws the canvas in the same theme.
    await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);

    await page.reload();
    await expect(page.getByRole('region', { name: 'Shape Start' })).toBeVisible();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();

    await page.getByRole('button', { name: 'Theme: Dark' }).click();
    await page.getByRole('menuitemradio', { name: 'Light' }).click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(await pageBackground(page)).toBe(light);
  });

  test('"System" follows the operating system while the page is open', async ({ page }) => {
    await page.goto('/processes');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).toHaveAttribute('data-theme', 'light');
  });

  test('the theme menu is used from the keyboard', async ({ page }) => {
    await page.goto('/processes');
    const trigger = page.getByRole('button', { name: 'Theme: System' });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(menu).toBeHidden();
    await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeFocused();
  });
});
