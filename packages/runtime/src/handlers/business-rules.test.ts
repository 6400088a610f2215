import { describe, expect, it } from 'vitest';
import { META } from '../properties.ts';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';

describe('business-rules', () => {
  //   start ─▶ rules ─accepted─▶ ok
  //                 └rejected─▶ no
  it('runs every rule and collects the failures as XML; rejection is routing, not an error', async () => {
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        rules: {
          kind: 'business-rules',
          label: '',
          config: {
            rules: [
              { name: 'Has quantity', condition: 'qty > 0', message: 'Quantity must be > 0' },
              { name: 'Known <tier>', condition: 'tier in ["t1","t2"]', message: 'Unknown tier' },
            ],
          },
        },
        ok: sink(),
        no: sink(),
      },
      [
        ['start', 'default', 'rules'],
        ['rules', 'accepted', 'ok'],
        ['rules', 'rejected', 'no'],
      ],
    );
    const run = await runTest(process, {
      startDocuments: docs('{"qty":1,"tier":"t1"}', '{"qty":0,"tier":"x"}'),
    });
    expect(run.order).toEqual(['start', 'rules', 'ok', 'no']);
    expect(run.dataAt('ok')).toEqual(['{"qty":1,"tier":"t1"}']);
    expect(run.inputs.get('no')?.[0]?.[0]?.properties[META.businessRulesResult]).toBe(
      '<business_rule_failures><business_rule_failure rule="Has quantity">Quantity must be &#62; 0</business_rule_failure>' +
        '<business_rule_failure rule="Known &#60;tier&#62;">Unknown tier</business_rule_failure></business_rule_failures>',
    );
    expect(run.outcome.status).toBe('complete');
  });
});
