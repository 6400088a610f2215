import type { ShapeOfKind } from '@junction/process-model';
import { renderTemplate } from '../message-template.ts';
import { parameterValue } from '../parameters.ts';
import { onDefaultPort } from '../single-port.ts';
import type { RunContext, RunDocument, ShapeHandler } from '../types.ts';

/** Boomi stops emitting after 1,000 notifications per execution and caps each at 10,000 chars. */
export const MAX_NOTIFICATIONS = 1_000;
const MAX_NOTIFICATION_CHARS = 10_000;

/** What a once-per-execution notification is rendered against: no document data (§3.3). */
const NO_DOCUMENT: RunDocument = { id: '', data: '', properties: {} };

/**
 * Notify (§3.3): writes one log line per document at the shape's level (title
 * first, then the rendered text, Boomi's quote rules); documents pass through
 * untouched. The lines are the shape's Test-mode log and the run's process log.
 * With Write Once Per Execution the shape writes a single line, the first time it
 * runs in the execution, and document values read as empty.
 */
export const notifyHandler: ShapeHandler<'notify'> = {
  async run(shape, inputs, ctx) {
    if (shape.config.oncePerExecution) {
      const key = `${ctx.process.id}/${ctx.shapeId}`;
      if (!ctx.notifications.writtenOnce.has(key)) {
        ctx.notifications.writtenOnce.add(key);
        notify(shape, NO_DOCUMENT, ctx);
      }
      return onDefaultPort(inputs);
    }
    for (const doc of inputs) {
      if (!notify(shape, doc, ctx)) {
        break;
      }
    }
    return onDefaultPort(inputs);
  },
};

/** Writes one notification; false once the execution's cap is reached. */
function notify(shape: ShapeOfKind<'notify'>, doc: RunDocument, ctx: RunContext): boolean {
  const { level, title, text, parameters } = shape.config;
  if (ctx.notifications.count >= MAX_NOTIFICATIONS) {
    if (ctx.notifications.count === MAX_NOTIFICATIONS) {
      ctx.log(
        'warning',
        `Notify stopped: more than ${MAX_NOTIFICATIONS} notifications in this execution.`,
      );
      ctx.notifications.count += 1;
    }
    return false;
  }
  ctx.notifications.count += 1;
  const body = renderTemplate(
    text,
    parameters.map((p) => parameterValue(p, doc, ctx)),
    false,
  );
  const line = title.trim() === '' ? body : `${title}: ${body}`;
  ctx.log(level, line.slice(0, MAX_NOTIFICATION_CHARS), doc === NO_DOCUMENT ? undefined : doc.id);
  return true;
}
