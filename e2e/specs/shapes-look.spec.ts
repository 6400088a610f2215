import { expect, type Locator, type Page, test } from '@playwright/test';
import { addFromPalette, edges, openNewProcess, shape } from './designer-helpers.ts';

function paletteItem(page: Page, label: string): Locator {
  return page
    .getByRole('navigation', { name: 'Shapes' })
    .getByRole('button', { name: label, exact: true });
}

async function deselectAll(page: Page): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
}

function intersects(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every shape's box on screen, to check that none covers another. */
async function shapeBoxes(page: Page) {
  const regions = page.getByLabel('Process canvas').getByRole('region', { name: /^Shape / });
  const boxes = [];
  for (const region of await regions.all()) {
    const box = await region.boundingBox();
    if (box) {
      boxes.push(box);
    }
  }
  return boxes;
}

test.describe('shapes that read like Boomi’s', () => {
  test('Notify, Branch and Remove From Cache draw SVG icons in the palette and on the canvas', async ({
    page,
    request,
  }) => {
    await openNewProcess(page, request, 'Icons');
    for (const label of ['Notify', 'Branch', 'Remove From Cache']) {
      await expect(paletteItem(page, label).locator('svg')).toBeVisible();
      await deselectAll(page);
      await addFromPalette(page, label);
      const icon = shape(page, label).locator('header svg');
      await expect(icon).toBeVisible();
      await expect(icon).toHaveAttribute('aria-hidden', 'true');
    }
  });

  test('a palette shape dropped on the "+" of a free port joins that path', async ({
    page,
    request,
  }) => {
    await openNewProcess(page, request, 'Drop on plus');
    await shape(page, 'Start').click();
    await paletteItem(page, 'Map').dragTo(
      page.getByRole('button', { name: 'Add Stop after Start' }),
    );
    await expect(shape(page, 'Map')).toBeVisible();
    await expect(edges(page)).toHaveCount(1);
    // Start's only port is taken now, by the Map.
    await expect(page.getByRole('button', { name: 'Add Stop after Start' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add Stop after Map' })).toBeVisible();
  });

  test('a palette click joins the selected shape’s next free port, without covering anything', async ({
    page,
    request,
  }) => {
    await openNewProcess(page, request, 'Click to connect');
    await deselectAll(page);
    await addFromPalette(page, 'Branch');
    // The new Branch is selected: the next shape goes on its first free path.
    await addFromPalette(page, 'Message');
    await expect(edges(page)).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Add Stop after Branch Branch 1' })).toHaveCount(
      0,
    );
    await shape(page, 'Branch').click();
    await addFromPalette(page, 'Notify');
    await expect(edges(page)).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Add Stop after Branch Branch 2' })).toHaveCount(
      0,
    );

    const boxes = await shapeBoxes(page);
    expect(boxes).toHaveLength(4);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(intersects(a, b)).toBe(false);
      }
    }
  });

  test('shapes dropped on the same spot never land on top of each other', async ({
    page,
    request,
  }) => {
    await openNewProcess(page, request, 'No overlap');
    const pane = page.locator('.react-flow__pane');
    for (let i = 0; i < 3; i++) {
      await paletteItem(page, 'Map').dragTo(pane, { targetPosition: { x: 420, y: 220 } });
      await expect(shape(page, 'Map')).toHaveCount(i + 1);
    }
    await addFromPalette(page, 'Stop');
    await expect(shape(page, 'Stop')).toBeVisible();
    const boxes = await shapeBoxes(page);
    expect(boxes).toHaveLength(5);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(intersects(a, b)).toBe(false);
      }
    }
  });

  test('the issue badge shows its messages on hover and on keyboard focus', async ({
    page,
    request,
  }) => {
    await openNewProcess(page, request, 'Badge');
    await deselectAll(page);
    await addFromPalette(page, 'Connector');
    const badge = shape(page, 'Connector').getByRole('button', {
      name: /\d+ errors, \d+ warnings/,
    });
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toBeHidden();

    await badge.hover();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).not.toHaveText('');
    const messages = (await tooltip.textContent()) ?? '';
    await expect(badge).toHaveAccessibleDescription(/\S/);

    // Moved away as a hand moves a mouse (through the points between), not by a jump: the
    // tooltip stays while the pointer crosses towards it, so its text can be hovered.
    await page.mouse.move(0, 0, { steps: 10 });
    await expect(tooltip).toBeHidden();
    await badge.focus();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveText(messages);
  });
});
