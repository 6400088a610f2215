import { renderTemplate } from '../message-template.ts';
import { parameterValue } from '../parameters.ts';
import { onDefaultPort } from '../single-port.ts';
import type { ShapeHandler } from '../types.ts';

/** Boomi stops emitting after 1,000 notifications per execution and caps each at 10,000 chars. */
export const MAX_NOTIFICATIONS = 1_000;
const MAX_NOTIFICATION_CHARS = 10_000;

/**
 * Notify (§3.3): writes one log line per document at the shape's level (title
 * first, then the rendered text, Boomi's quote rules); documents pass through
 * untouched. The lines are the shape's Test-mode log and the run's process log.
 */
export const notifyHandler: ShapeHandler<'notify'> = {
  async run(shape, inputs, ctx) {
    const { level, title, text, parameters } = shape.config;
    for (const doc of inputs) {
      if (ctx.notifications.count >= MAX_NOTIFICATIONS) {
        if (ctx.notifications.count === MAX_NOTIFICATIONS) {
          ctx.log(
            'warning',
            `Notify stopped: more than ${MAX_NOTIFICATIONS} notifications in this execution.`,
          );
          ctx.notifications.count += 1;
        }
        break;
      }
      ctx.notifications.count += 1;
      const body = renderTemplate(
        text,
        parameters.map((p) => parameterValue(p, doc, ctx)),
        false,
      );
      const line = title.trim() === '' ? body : `${title}: ${body}`;
      ctx.log(level, line.slice(0, MAX_NOTIFICATION_CHARS), doc.id);
    }
    return onDefaultPort(inputs);
  },
};
