import { addNote, moveShapes } from '@junction/process-model';
import type { StoreApi } from 'zustand/vanilla';
import { NOTE_PREFIX } from '../canvas/to-flow.ts';
import { newId } from '../new-shape.ts';
import type { EditorState } from '../store/editor-store.ts';
import { autoLayout } from './auto-layout.ts';
import { copySelection, fragmentToText, parseFragment, pasteFragment } from './clipboard.ts';

export interface CommandContext {
  store: StoreApi<EditorState>;
  save(): void;
  openFind(): void;
  /** Shows a short message (paste refused, ...). */
  notify(message: string): void;
  /** Where a new note goes: the middle of the visible canvas, in flow coordinates. */
  viewCenter(): { x: number; y: number };
  readOnly(): boolean;
}

/** A user command: one definition serves the shortcut, the toolbar and the tests. */
export interface Command {
  id: string;
  label: string;
  /** e.g. "mod+z", "mod+shift+z"; mod is Ctrl, or Cmd on a Mac. */
  keys: readonly string[];
  /** Runs even while typing in a field (Save does; Undo leaves the field its own undo). */
  inFields?: boolean;
  /** Editing commands are off while a test run is shown. */
  edits?: boolean;
  run(ctx: CommandContext): void | Promise<void>;
}

const selectedShapeIds = (state: EditorState) =>
  state.selectedShapes.filter((id) => !id.startsWith(NOTE_PREFIX));

/** Pastes clipboard text; shared by Ctrl+V (paste event) and Duplicate. */
export function pasteText(ctx: CommandContext, text: string, offset = { x: 40, y: 40 }): void {
  const parsed = parseFragment(text);
  if ('problem' in parsed) {
    ctx.notify(parsed.problem);
    return;
  }
  const state = ctx.store.getState();
  const result = pasteFragment(state.document, parsed.fragment, offset);
  if ('problem' in result) {
    ctx.notify(result.problem);
    return;
  }
  state.apply(() => result.document);
  state.select(result.pasted);
}

export function copyText(state: EditorState): string | null {
  const ids = selectedShapeIds(state);
  const fragment = copySelection(state.document, ids);
  return Object.keys(fragment.shapes).length > 0 ? fragmentToText(fragment) : null;
}

export const DESIGNER_COMMANDS: readonly Command[] = [
  { id: 'save', label: 'Save', keys: ['mod+s'], inFields: true, run: (ctx) => ctx.save() },
  {
    id: 'undo',
    label: 'Undo',
    keys: ['mod+z'],
    edits: true,
    run: (ctx) => ctx.store.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    keys: ['mod+shift+z', 'mod+y'],
    edits: true,
    run: (ctx) => ctx.store.getState().redo(),
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    keys: ['mod+d'],
    edits: true,
    run(ctx) {
      const text = copyText(ctx.store.getState());
      if (text) {
        pasteText(ctx, text);
      }
    },
  },
  {
    id: 'find',
    label: 'Find shape',
    keys: ['mod+f'],
    inFields: true,
    run: (ctx) => ctx.openFind(),
  },
  {
    id: 'add-note',
    label: 'Add note',
    keys: [],
    edits: true,
    run(ctx) {
      const id = newId('note');
      ctx.store
        .getState()
        .apply((doc) => addNote(doc, { id, text: '', position: ctx.viewCenter() }));
      ctx.store.getState().select([`${NOTE_PREFIX}${id}`]);
    },
  },
  {
    // F9, as in most debuggers. Not an edit: breakpoints belong to testing, not the process.
    id: 'toggle-breakpoint',
    label: 'Toggle breakpoint',
    keys: ['f9'],
    run: (ctx) => ctx.store.getState().toggleBreakpoints(selectedShapeIds(ctx.store.getState())),
  },
  {
    id: 'auto-layout',
    label: 'Auto-layout',
    keys: [],
    edits: true,
    async run(ctx) {
      const before = ctx.store.getState();
      const positions = await autoLayout(before.document, before.measured);
      // One undo entry for the whole arrangement.
      ctx.store.getState().apply((doc) => moveShapes(doc, positions));
    },
  },
];

export function commandById(id: string): Command {
  const command = DESIGNER_COMMANDS.find((c) => c.id === id);
  if (!command) {
    throw new Error(`Unknown designer command "${id}".`);
  }
  return command;
}

/** "mod+shift+z" for a keyboard event; mod is Ctrl or Cmd. */
export function keyOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): string {
  const parts = [];
  if (event.ctrlKey || event.metaKey) {
    parts.push('mod');
  }
  if (event.altKey) {
    parts.push('alt');
  }
  if (event.shiftKey) {
    parts.push('shift');
  }
  parts.push(event.key.toLowerCase());
  return parts.join('+');
}
