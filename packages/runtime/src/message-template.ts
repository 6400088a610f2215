import { parseMessageTemplate, renderMessageTemplate } from '@junction/process-model';

/**
 * Renders the text of a Message, Notify or Exception shape with Boomi's quote
 * rules (or JSON-safe mode), using the same parser the designer validates with.
 */
export function renderTemplate(text: string, values: readonly string[], jsonSafe: boolean): string {
  return renderMessageTemplate(parseMessageTemplate(text, jsonSafe), values);
}
