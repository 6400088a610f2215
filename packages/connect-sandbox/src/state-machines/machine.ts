import { SandboxHttpError } from '../errors.ts';
import type { JsonObject } from '../json.ts';

/** One action's allowed source states, target state and wording for errors. */
export interface Transition {
  from: readonly string[];
  to: string;
  /** Past participle used in the 400 message: "Only pending requests can be approved." */
  done: string;
}

/** A state machine over one status field, with the error code Connect uses for it. */
export interface StateMachine {
  field: string;
  noun: string;
  errorCode: string;
  transitions: Readonly<Record<string, Transition>>;
}

/**
 * The state `obj` moves to under `action`, or a 400 with the machine's error
 * code when the action is not allowed from the current state.
 */
export function nextState(machine: StateMachine, obj: JsonObject, action: string): string {
  const transition = machine.transitions[action];
  const current = String(obj[machine.field] ?? '');
  if (transition === undefined) {
    throw new SandboxHttpError(400, machine.errorCode, [`Unknown action ${action}.`]);
  }
  if (!transition.from.includes(current)) {
    throw new SandboxHttpError(400, machine.errorCode, [
      `Only ${transition.from.join(', ')} ${machine.noun} can be ${transition.done}. Current ${machine.field} is ${current}.`,
    ]);
  }
  return transition.to;
}
