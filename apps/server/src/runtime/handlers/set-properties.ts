import { JsonDocument } from '../json-document.ts';
import { setOwn } from '../keyed-record.ts';
import { concatenatedValue } from '../parameters.ts';
import { onDefaultPort } from '../single-port.ts';
import type { RunDocument, ShapeHandler } from '../types.ts';

/**
 * Set Properties (§3.3): per document, each assignment in order gets the
 * concatenation of its parts, so a later assignment can read an earlier one.
 * Dynamic document properties travel with the document; dynamic process
 * properties are one per execution (last write wins) and, with Persist, are stored
 * the moment the shape runs. The data is unchanged (so is a parsed value kept with it).
 */
export const setPropertiesHandler: ShapeHandler<'set-properties'> = {
  async run(shape, inputs, ctx) {
    const outputs: RunDocument[] = [];
    const assignments = shape.config.properties;
    // Indexed loops: no iterator per document, nor an iterator result per step.
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i] as RunDocument;
      const doc = JsonDocument.withProperties(input, { ...input.properties });
      for (let j = 0; j < assignments.length; j++) {
        const assignment = assignments[j] as (typeof assignments)[number];
        const value = concatenatedValue(assignment.parts, doc, ctx);
        if (assignment.target === 'dynamic-document') {
          setOwn(doc.properties, assignment.name, value);
        } else {
          ctx.processProperties.set(assignment.name, value);
          if (assignment.persist) {
            await ctx.persistProcessProperty(assignment.name, value);
          }
        }
      }
      outputs.push(doc);
    }
    return onDefaultPort(outputs);
  },
};
