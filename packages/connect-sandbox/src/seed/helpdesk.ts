import { randomId } from '../ids.ts';
import type { SandboxState } from '../store/state.ts';
import type { SeededProduct } from './catalog.ts';
import { createdUpdated, type SeedContext } from './context.ts';
import { fixtureObject } from './fixtures.ts';

const SUBJECTS = [
  'Cannot activate subscription',
  'Invoice question',
  'Usage file rejected',
  'Provisioning delay',
  'Change of admin email',
  'API returns 500',
];
const STATES = ['pending', 'pending', 'inquiring', 'resolved', 'closed'];

/** Seeds helpdesk cases (cloned from helpdesk.json) in every state, each with its conversation. */
export function seedCases(
  state: SandboxState,
  ctx: SeedContext,
  products: SeededProduct[],
  count: number,
): void {
  const base = fixtureObject('helpdesk');
  for (let i = 0; i < count; i += 1) {
    const created = ctx.at(0.2 + (i / count) * 0.75);
    // States in turn, so a fresh sandbox has cases to inquire, pend, resolve and close.
    const caseState = i === 0 ? 'closed' : (STATES[i % STATES.length] ?? 'pending');
    const events = createdUpdated(created);
    events['pending'] = { at: created };
    if (caseState === 'resolved' || caseState === 'closed') {
      events['resolved'] = { at: created };
    }
    if (caseState === 'closed') {
      events['closed'] = { at: created };
    }
    const id = i === 0 ? String(base['id']) : randomId(ctx.random, 'case');
    state.put('case', {
      ...base,
      id,
      subject: i === 0 ? String(base['subject']) : `${ctx.random.pick(SUBJECTS)} #${i}`,
      description:
        i === 0 ? String(base['description']) : 'Please see the attached details and advise.',
      priority: ctx.random.int(0, 3),
      state: caseState,
      type: ctx.random.chance(0.7) ? 'technical' : 'business',
      product: ctx.random.pick(products).ref,
      events,
      rating: caseState === 'closed' ? ctx.random.int(3, 5) : null,
      feedback: caseState === 'closed' ? 'Thanks!' : '',
    });
    state.put('conversation', {
      id: randomId(ctx.random, 'conversation'),
      instance_id: id,
      topic: `Case ${id}`,
      type: 'conversation',
      status: 'open',
      accounts: [],
      creator: ctx.users[0] ?? null,
      created,
      events: { created: { at: created } },
    });
  }
}
