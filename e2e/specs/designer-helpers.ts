import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';

/** Creates a process through the API and opens it in the designer. */
export async function openNewProcess(
  page: Page,
  request: APIRequestContext,
  name: string,
): Promise<string> {
  const created = await request.post('/api/processes', { data: { name } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/processes/${id}`);
  await expect(page.getByRole('region', { name: 'Shape Start' })).toBeVisible();
  return id;
}

/** Adds a shape by clicking its palette item, as a keyboard or touch user would. */
export async function addFromPalette(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Shapes' })
    .getByRole('button', { name: label, exact: true })
    .click();
}

export function shape(page: Page, title: string) {
  return page.getByRole('region', { name: `Shape ${title}` });
}

export function edges(page: Page) {
  return page.getByLabel('Process canvas').locator('.react-flow__edge');
}

/**
 * Picks a choice in one of the kit's selects (a combobox button that opens a listbox),
 * as a pointer user does, and waits until the field shows it.
 */
export async function choose(select: Locator, choice: string): Promise<void> {
  await select.click();
  await select
    .page()
    .getByRole('listbox')
    .getByRole('option', { name: choice, exact: true })
    .click();
  await expect(select).toHaveText(choice);
}
