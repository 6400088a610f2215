import { SHAPE_KINDS } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { handlerFor } from './registry.ts';

describe('handler registry', () => {
  it('has a handler for every shape kind of the process model', () => {
    expect(SHAPE_KINDS.filter((kind) => handlerFor(kind) === undefined)).toEqual([]);
  });
});
