import { describe, expect, it } from 'vitest';
import { everyShapeProcess } from '../fixtures/every-shape.ts';
import type { Parameter } from '../schema/common.ts';
import type { ConnectorOperation } from '../schema/connector.ts';
import type { ProcessDocument } from '../schema/process.ts';
import { validateProcess } from './validate.ts';

const text = (value: string) => ({ type: 'static', value }) as const;
const named = (...names: string[]): Parameter[] =>
  names.map((name) => ({ name, value: text('x') }));

/** Issues of the every-shape process with its Approve shape turned into `action · object`. */
function issuesOf(action: string, object: string, parameters: Parameter[]) {
  const doc = everyShapeProcess();
  const shape = doc.shapes['approve'];
  if (shape?.kind !== 'connector' || shape.config.connector !== 'cloudblue-connect') {
    throw new Error('fixture has no Connect shape "approve"');
  }
  const config: ConnectorOperation = { ...shape.config, action, object, parameters };
  const changed: ProcessDocument = {
    ...doc,
    shapes: { ...doc.shapes, approve: { ...shape, config } },
  };
  return validateProcess(changed)
    .filter((i) => i.code.startsWith('connector.'))
    .map(({ code, pointer, message }) => ({ code, pointer, message }));
}

describe('Connect parameters are checked against the catalog, located by pointer', () => {
  it('accepts the body fields an action takes', () => {
    expect(issuesOf('approve', 'request', named('template_id', 'id'))).toEqual([]);
  });

  it('names the parameters of Approve · Request when one is not among them', () => {
    expect(issuesOf('approve', 'request', named('template_id', 'foo'))).toEqual([
      {
        code: 'connector.parameter-unknown',
        pointer: '/shapes/approve/config/parameters/1/name',
        message:
          "Approve · Request takes id, template_id, activation_tile, effective_date; 'foo' is not one of its parameters.",
      },
    ]);
  });

  it('refuses every parameter but id on an action without a body', () => {
    expect(issuesOf('pending', 'request', named('reason')).map((i) => i.message)).toEqual([
      "Pending · Request takes id; 'reason' is not one of its parameters.",
    ]);
  });

  it('takes id and any field as filters on a List, but only field names', () => {
    expect(issuesOf('list', 'request', named('id', 'status', 'asset.product.id'))).toEqual([]);
    expect(issuesOf('list', 'request', named('id', 'not a field'))).toEqual([
      expect.objectContaining({
        code: 'connector.parameter-not-a-field',
        pointer: '/shapes/approve/config/parameters/1/name',
      }),
    ]);
  });

  it('takes any top-level field on Create and Update (the document is the object)', () => {
    expect(issuesOf('update', 'request', named('id', 'note'))).toEqual([]);
    expect(issuesOf('create', 'case', named('subject'))).toEqual([]);
  });

  it('refuses anything but id on a Get, and requires the id', () => {
    expect(issuesOf('get', 'request', named('id', 'status'))).toEqual([
      expect.objectContaining({
        code: 'connector.parameter-unknown',
        pointer: '/shapes/approve/config/parameters/1/name',
      }),
    ]);
    expect(issuesOf('get', 'request', [])).toEqual([
      {
        code: 'connector.parameter-missing',
        pointer: '/shapes/approve/config/parameters',
        message: 'Get Resource · Request needs a “id” parameter.',
      },
    ]);
  });

  it('requires the tier account of a tier account version', () => {
    expect(issuesOf('list', 'tier-account-version', []).map((i) => i.message)).toEqual([
      'List Resource · Tier Account Version needs a “parentId” parameter.',
    ]);
  });

  it('says nothing of parameters while the pair itself is invalid', () => {
    expect(issuesOf('approve', 'asset', named('foo')).map((i) => i.code)).toEqual([
      'connector.invalid-pair',
    ]);
  });
});
