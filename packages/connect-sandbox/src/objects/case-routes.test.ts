import { describe, expect, it } from 'vitest';
import { buildTestApp, call } from '../test-app.ts';

describe('/helpdesk/cases', () => {
  it('runs pending → inquiring → pending → resolved → closed and refuses skips', async () => {
    const app = await buildTestApp({ seed: 41 });
    const created = await call(app, 'POST', '/helpdesk/cases', {
      subject: 'Broken',
      description: 'It is broken',
      priority: 1,
      type: 'technical',
      receiver: { account: { id: 'PA-222-222' } },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(id).toMatch(/^CA-\d{3}-\d{3}-\d{3}$/);
    expect(created.json().state).toBe('pending');
    expect((await call(app, 'POST', `/helpdesk/cases/${id}/close`)).statusCode).toBe(400);
    expect((await call(app, 'POST', `/helpdesk/cases/${id}/inquire`)).json().state).toBe(
      'inquiring',
    );
    expect((await call(app, 'POST', `/helpdesk/cases/${id}/pend`)).json().state).toBe('pending');
    expect((await call(app, 'POST', `/helpdesk/cases/${id}/resolve`)).json().state).toBe(
      'resolved',
    );
    const closed = await call(app, 'POST', `/helpdesk/cases/${id}/close`, {
      rating: 5,
      feedback: 'great',
    });
    expect(closed.json()).toMatchObject({ state: 'closed', rating: 5, feedback: 'great' });
    const missing = await call(app, 'POST', '/helpdesk/cases', { subject: 'x' });
    expect(missing.json().error_code).toBe('VAL_001');
    expect((await call(app, 'GET', `/conversations?instance_id=${id}`)).json()).toHaveLength(1);
    await app.close();
  });
});
