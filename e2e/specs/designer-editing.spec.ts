import { expect, test } from '@playwright/test';
import { addFromPalette, choose, edges, openNewProcess, shape } from './designer-helpers.ts';

test.describe('editing on the canvas', () => {
  test('at 1440 px the editing actions fit one row and the Test controls keep together', async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openNewProcess(page, request, 'Toolbar');
    const top = async (name: string, role: 'button' | 'link' = 'button') =>
      (await page.getByRole(role, { name, exact: true }).boundingBox())?.y;
    const row = await top('Save');
    expect(await top('Export')).toBe(row);
    expect(await top('Compare revisions', 'link')).toBe(row);
    expect(await top('Test runs')).toBe(await top('Test'));
  });

  test('the palette filters, a click adds a shape, and Start cannot be deleted', async ({
    page,
    request,
  }) => {
    await openNewProcess(page, request, 'Palette');
    await page.getByLabel('Filter shapes').fill('deci');
    const palette = page.getByRole('navigation', { name: 'Shapes' });
    await expect(palette.getByRole('button')).toHaveText([/Decision/]);
    await palette.getByRole('button', { name: 'Decision' }).click();
    await expect(shape(page, 'Decision')).toBeVisible();
    await expect(shape(page, 'Decision').getByLabel('Decision output True')).toBeAttached();
    await expect(shape(page, 'Decision').getByLabel('Decision output False')).toBeAttached();

    await shape(page, 'Start').click();
    await page.keyboard.press('Delete');
    await expect(shape(page, 'Start')).toBeVisible();
  });

  test('connections can be selected and deleted, and undo and redo cover every edit', async ({
    page,
    request,
  }) => {
    await openNewProcess(page, request, 'Undo');
    await addFromPalette(page, 'Connector');
    await page.getByLabel('Start output').dragTo(page.getByLabel('Connector input'));
    await expect(edges(page)).toHaveCount(1);

    await edges(page).first().click({ force: true });
    await page.keyboard.press('Delete');
    await expect(edges(page)).toHaveCount(0);

    await page.keyboard.press('Control+z');
    await expect(edges(page)).toHaveCount(1);
    await page.keyboard.press('Control+Shift+z');
    await expect(edges(page)).toHaveCount(0);

    // A configuration change is undoable too.
    await shape(page, 'Connector').click();
    await choose(
      page
        .getByRole('complementary', { name: 'Options' })
        .getByRole('combobox', { name: 'Object', exact: true }),
      'Asset',
    );
    await expect(shape(page, 'Connector')).toContainText('Not configured');
    await choose(
      page.getByRole('complementary', { name: 'Options' }).getByLabel('Connector Action'),
      'Get Resource',
    );
    await expect(shape(page, 'Connector')).toContainText('Get Resource · Asset');
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('Control+z');
    await expect(shape(page, 'Connector')).toContainText('Not configured');
  });

  test('copy and paste through the clipboard, and duplicate', async ({ page, request }) => {
    await openNewProcess(page, request, 'Clipboard');
    await addFromPalette(page, 'Map');
    await shape(page, 'Map').click();
    await page
      .getByRole('complementary', { name: 'Options' })
      .getByLabel('Label', { exact: true })
      .fill('Shape the order');
    await page.locator('.react-flow__pane').click();
    await shape(page, 'Shape the order').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(shape(page, 'Shape the order')).toHaveCount(2);
    await page.keyboard.press('Control+d');
    await expect(shape(page, 'Shape the order')).toHaveCount(3);

    // Start is never copied.
    await shape(page, 'Start').click();
    await page.keyboard.press('Control+d');
    await expect(shape(page, 'Start')).toHaveCount(1);
  });

  test('a Map row gets a map function from the keyboard, with its issue, and keeps it saved', async ({
    page,
    request,
  }) => {
    await openNewProcess(page, request, 'Map functions');
    await addFromPalette(page, 'Map');
    await shape(page, 'Map').click();
    const options = page.getByRole('complementary', { name: 'Options' });
    await options.getByRole('button', { name: 'Add mapping' }).click();
    await options.getByLabel('Mapping 1 from').fill('qty');
    await options.getByLabel('Mapping 1 to').fill('total');
    await options.getByRole('button', { name: 'Add function to mapping 1' }).focus();
    await page.keyboard.press('Enter');
    const fn = options.getByRole('combobox', { name: 'Mapping 1 step 1 function' });
    await choose(fn, 'Multiply');
    const value = options.getByLabel('Mapping 1 step 1 operand value');
    await value.fill('ten');
    await value.press('Tab');
    // The message is the field's description, as a screen reader announces it.
    await expect(value).toHaveAccessibleDescription('Step 1 (multiply): “ten” is not a number.');
    await expect(value).toHaveAttribute('aria-invalid', 'true');
    await value.fill('2');
    await value.press('Tab');
    await expect(value).toHaveAttribute('aria-invalid', 'false');

    await page.keyboard.press('Control+s');
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    await page.reload();
    await shape(page, 'Map').click();
    await expect(
      page
        .getByRole('complementary', { name: 'Options' })
        .getByRole('combobox', { name: 'Mapping 1 step 1 function' }),
    ).toHaveText('Multiply');
    await expect(
      page
        .getByRole('complementary', { name: 'Options' })
        .getByLabel('Mapping 1 step 1 operand value'),
    ).toHaveValue('2');
  });

  test('find a shape, auto-layout, and notes', async ({ page, request }) => {
    await openNewProcess(page, request, 'Find and arrange');
    await addFromPalette(page, 'Branch');
    // The new Branch is selected, so the Stop joins its first path.
    await addFromPalette(page, 'Stop');
    await expect(edges(page)).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Add Stop after Branch Branch 1' })).toHaveCount(
      0,
    );
    await page.getByLabel('Start output').dragTo(page.getByLabel('Branch input'));
    await expect(edges(page)).toHaveCount(2);

    await page.keyboard.press('Control+f');
    await page.getByRole('dialog', { name: 'Find shape' }).getByLabel('Find shape').fill('branch');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('complementary', { name: 'Options' })).toContainText(
      'Branch options',
    );

    // Drag the Branch far to the left of Start, out of path order.
    await page.getByRole('button', { name: 'Fit View' }).click();
    const before = await shape(page, 'Branch').boundingBox();
    const startBox = await shape(page, 'Start').boundingBox();
    await page.mouse.move((before?.x ?? 0) + 30, (before?.y ?? 0) + 12);
    await page.mouse.down();
    await page.mouse.move((startBox?.x ?? 0) - 150, (startBox?.y ?? 0) + 200, { steps: 10 });
    await page.mouse.up();
    const order = async () => {
      const [a, b, c] = await Promise.all(
        ['Start', 'Branch', 'Stop'].map((t) => shape(page, t).boundingBox()),
      );
      return (a?.x ?? 0) < (b?.x ?? 0) && (b?.x ?? 0) < (c?.x ?? 0);
    };
    expect(await order()).toBe(false);
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await expect.poll(order).toBe(true);

    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByLabel('Note text').fill('Branch 2 is for refunds');
    await page.keyboard.press('Control+s');
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Note text')).toHaveValue('Branch 2 is for refunds');
  });

  test('unsaved changes survive a reload as a local draft', async ({ page, request }) => {
    await openNewProcess(page, request, 'Draft');
    await addFromPalette(page, 'Message');
    await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).length)).toBe(1);
    await page.reload();
    await page.getByRole('button', { name: 'Restore them' }).click();
    await expect(shape(page, 'Message')).toBeVisible();
  });

  test('a conflicting save offers a clear choice and loses nothing', async ({ page, request }) => {
    const id = await openNewProcess(page, request, 'Conflict');
    // Someone else saves revision 2 first.
    const current = await (await request.get(`/api/processes/${id}`)).json();
    const theirs = { ...current.document, name: 'Renamed elsewhere' };
    expect(
      (
        await request.put(`/api/processes/${id}`, { data: theirs, headers: { 'if-match': '"1"' } })
      ).status(),
    ).toBe(200);

    await addFromPalette(page, 'Notify');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Someone else saved revision 2' });
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: 'Save mine as a copy' }).click();
    await expect(page.getByLabel('Process name')).toHaveValue('Conflict (copy)');
    await expect(shape(page, 'Notify')).toBeVisible();
    const original = await (await request.get(`/api/processes/${id}`)).json();
    expect(original.document.name).toBe('Renamed elsewhere');
  });
});
