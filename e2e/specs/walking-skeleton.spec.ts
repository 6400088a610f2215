import { SANDBOX_DEMO_TOKEN } from '@junction/connect-sandbox/demo-token';
import { expect, test } from '@playwright/test';
import { choose } from './designer-helpers.ts';

// The walking skeleton, as a new user does it: create a process, drag a Connector
// onto the canvas, wire Start -> Connector -> Stop, configure "List Resource" on
// "Request", save, test against the built-in sandbox, and read the counts.
test('design, save and test-run a process that lists requests from the sandbox', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Create process' }).click();
  await page.getByLabel('Process name').fill('List sandbox requests');

  const canvas = page.getByLabel('Process canvas');
  await expect(page.getByRole('region', { name: 'Shape Start' })).toBeVisible();

  const pane = page.locator('.react-flow__pane');
  await page
    .getByRole('button', { name: 'Connector', exact: true })
    .dragTo(pane, { targetPosition: { x: 450, y: 200 } });
  const connector = page.getByRole('region', { name: 'Shape Connector' });
  await expect(connector).toBeVisible();

  await page.getByLabel('Start output').dragTo(page.getByLabel('Connector input'));
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(1);

  await page.getByRole('button', { name: 'Add Stop after Connector' }).click();
  await expect(page.getByRole('region', { name: 'Shape Stop' })).toBeVisible();
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(2);

  await connector.click();
  const options = page.getByRole('complementary', { name: 'Options' });
  await choose(options.getByLabel('Connector Action'), 'List Resource');
  await choose(options.getByRole('combobox', { name: 'Object', exact: true }), 'Request');
  await expect(connector).toContainText('List Resource · Request');
  await expect(connector.getByRole('button', { name: /errors/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // The process has its own URL, and what was saved is what comes back.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Shape Connector' })).toContainText(
    'List Resource · Request',
  );

  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const run = page.getByRole('region', { name: 'Test run' });
  await expect(run.getByRole('status')).toHaveText('Complete');

  // The truth to compare with: how many requests the sandbox holds.
  const count = await request.get('/sandbox/connect/public/v1/requests?limit=0', {
    headers: { authorization: SANDBOX_DEMO_TOKEN },
  });
  const total = Number(/\/(\d+)$/.exec(count.headers()['content-range'] ?? '')?.[1]);
  expect(total).toBeGreaterThan(0);

  await expect(page.getByLabel('Start documents')).toHaveText('0 in · 1 out');
  await expect(page.getByLabel('Connector documents')).toHaveText(`1 in · ${total} out`);
  await expect(page.getByLabel('Stop documents')).toHaveText(`${total} in · 0 out`);
});
