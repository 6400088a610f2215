import { META } from '../properties.ts';
import type { DocumentError, RunDocument, ShapeHandler } from '../types.ts';
import { compileJsonata, evaluateJsonata } from './jsonata-eval.ts';

function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Business Rules (§3.4): every rule runs (a JSONata condition over the document;
 * truthy passes). Documents passing all rules go to Accepted, others to Rejected
 * with the failures as `<business_rule_failures>` XML in the Business Rules Result
 * Message property. Rejection is routing, not an error; a document that is not
 * JSON or a rule that cannot be evaluated fails the document.
 */
export const businessRulesHandler: ShapeHandler<'business-rules'> = {
  async run(shape, inputs, ctx) {
    const rules = shape.config.rules.map((rule) => ({
      rule,
      compiled: compileJsonata(rule.condition),
    }));
    const accepted: RunDocument[] = [];
    const rejected: RunDocument[] = [];
    const errors: DocumentError[] = [];
    for (const doc of inputs) {
      try {
        const data: unknown = doc.data.trim() === '' ? {} : JSON.parse(doc.data);
        const failures: string[] = [];
        for (const { rule, compiled } of rules) {
          if (!(await evaluateJsonata(compiled, data, doc, ctx))) {
            failures.push(
              `<business_rule_failure rule="${xmlEscape(rule.name)}">${xmlEscape(rule.message.slice(0, 10_000))}</business_rule_failure>`,
            );
          }
        }
        if (failures.length === 0) {
          accepted.push(doc);
        } else {
          const result = `<business_rule_failures>${failures.join('')}</business_rule_failures>`;
          rejected.push({
            ...doc,
            properties: { ...doc.properties, [META.businessRulesResult]: result },
          });
        }
      } catch (error) {
        errors.push({ document: doc, message: `Business Rules: ${(error as Error).message}` });
      }
    }
    return {
      outputs: new Map([
        ['accepted', accepted],
        ['rejected', rejected],
      ]),
      errors,
    };
  },
};
