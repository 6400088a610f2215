import { expect, test } from '@playwright/test';
import { choose } from './designer-helpers.ts';

test('API tokens are shown once, listed and revoked', async ({ page, request }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByLabel('Token name').fill('ci pipeline');
  await choose(page.getByLabel('Role'), 'builder');
  await page.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByLabel('New token');
  await expect(shown).toHaveText(/^jct_/);
  const token = (await shown.textContent()) ?? '';

  const asToken = { headers: { authorization: `Bearer ${token}` } };
  expect((await request.get('/api/session', asToken)).status()).toBe(200);
  expect(await (await request.get('/api/session', asToken)).json()).toMatchObject({
    role: 'builder',
  });

  // Only once: after a reload the list has its name and role, never the token.
  await page.reload();
  const row = page.getByRole('row', { name: /ci pipeline/ });
  await expect(row).toContainText('builder');
  await expect(row).toContainText('active');
  await expect(page.getByText(token)).toHaveCount(0);

  await page.getByRole('button', { name: 'Revoke ci pipeline' }).click();
  await expect(row).toContainText('revoked');
  expect((await request.get('/api/session', asToken)).status()).toBe(401);
});

test('the account switcher acts on a customer account and back', async ({ page }) => {
  await page.goto('/accounts');
  await page.getByLabel('Customer name').fill('Acme Retail');
  await page.getByRole('button', { name: 'Create customer account' }).click();
  await expect(page.getByRole('status')).toContainText('Created Acme Retail');

  const switcher = page.getByRole('combobox', { name: 'Account' });
  await switcher.click();
  const customer = page.getByRole('listbox').getByRole('option', { name: '— Acme Retail' });
  await expect(customer).toHaveCount(1);
  const intoCustomer = page.waitForEvent('load');
  await customer.click();
  await intoCustomer;
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Account default');

  // The customer's processes are its own: none of the default account's show.
  await page.getByRole('link', { name: 'Processes' }).first().click();
  await page.getByRole('button', { name: 'Create process' }).waitFor();
  const inCustomer = await page.request.get('/api/processes');
  expect((await inCustomer.json()).total).toBe(0);

  // Choosing an account reloads the page; navigate only once that reload is done.
  const reloaded = page.waitForEvent('load');
  await page.getByRole('combobox', { name: 'Account' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'Default', exact: true }).click();
  await reloaded;
  await page.goto('/accounts');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account default');
});
