import { randomUUID } from 'node:crypto';
import { insertShapeOnConnection } from '@junction/process-model';
import { expect, test } from '@playwright/test';
import { shape } from './designer-helpers.ts';
import { passthroughProcess } from './test-processes.ts';

test('the designer shows what only the server can check: a Process Call to a missing process', async ({
  page,
  request,
}) => {
  const doc = insertShapeOnConnection(
    passthroughProcess(randomUUID(), 'Calls a ghost'),
    'c1',
    {
      id: 'call',
      kind: 'process-call',
      position: { x: 200, y: 160 },
      shape: {
        kind: 'process-call',
        label: 'Call the ghost',
        config: { processId: 'ghost-process', wait: true, abortOnFailure: true, returnPaths: [] },
      },
    },
    'c2',
  );
  const imported = await request.post('/api/processes/import', { data: doc });
  expect(imported.status(), await imported.text()).toBe(201);
  const { id } = (await imported.json()) as { id: string };
  await page.goto(`/processes/${id}`);
  await shape(page, 'Call the ghost').click();
  const problems = page
    .getByRole('complementary', { name: 'Options' })
    .getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('There is no process "ghost-process"');
});
