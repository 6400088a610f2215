import { renameProcess } from '@junction/process-model';
import {
  Download,
  FileUp,
  GitCompare,
  History,
  LayoutGrid,
  type LucideIcon,
  Redo2,
  Save,
  Search,
  StickyNote,
  Undo2,
} from 'lucide-react';
import { hrefFor, navigate } from '../../lib/router.ts';
import { Menu, MenuItem, MenuLinkItem } from '../../ui/menu.tsx';
import { Tooltip } from '../../ui/tooltip.tsx';
import { TestControls } from '../runs/test-controls.tsx';
import { type CommandContext, commandById } from './commands/designer-commands.ts';
import { writeDraft } from './draft/local-draft.ts';
import { useIsDirty } from './saved-copy.ts';
import { useEditor, useEditorStoreApi } from './store/editor-context.ts';

const CANVAS_COMMANDS: readonly { id: 'auto-layout' | 'add-note' | 'find'; Icon: LucideIcon }[] = [
  { id: 'auto-layout', Icon: LayoutGrid },
  { id: 'add-note', Icon: StickyNote },
  { id: 'find', Icon: Search },
];

/** Name, save state, undo/redo, export and the Test controls. */
export function Toolbar({
  saving,
  onSave,
  onTest,
  testing,
  commands,
  onExportImage,
  onEditInput,
  onHistory,
  onImportFile,
}: {
  saving: boolean;
  onSave: () => void;
  onTest: (connectionId: string, usePinnedInput: boolean) => void;
  onEditInput: () => void;
  onHistory: () => void;
  /** A process file picked to replace this process (compared first, nothing stored yet). */
  onImportFile: (file: File) => void;
  testing: boolean;
  commands: CommandContext;
  onExportImage: (format: 'png' | 'svg') => void;
}) {
  const store = useEditorStoreApi();
  const name = useEditor((s) => s.document.name);
  const processId = useEditor((s) => s.document.id);
  const dirty = useIsDirty();
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);

  return (
    <header className="toolbar">
      <button type="button" className="link" onClick={() => navigate({ page: 'processes' })}>
        ← Processes
      </button>
      <input
        className="toolbar__name"
        aria-label="Process name"
        value={name}
        onChange={(e) =>
          store.getState().applyLive((doc) => renameProcess(doc, e.target.value || doc.name))
        }
        onBlur={() => store.getState().commitGesture()}
      />
      <span className="toolbar__state" role="status">
        {saving ? 'Saving…' : dirty ? 'Unsaved changes' : 'Saved'}
      </span>
      <div className="toolbar__group">
        <Tooltip content="Undo (Ctrl+Z)">
          <button
            type="button"
            className="icon-button"
            aria-label="Undo"
            onClick={() => store.getState().undo()}
            disabled={!canUndo}
          >
            <Undo2 size={16} aria-hidden />
          </button>
        </Tooltip>
        <Tooltip content="Redo (Ctrl+Shift+Z)">
          <button
            type="button"
            className="icon-button"
            aria-label="Redo"
            onClick={() => store.getState().redo()}
            disabled={!canRedo}
          >
            <Redo2 size={16} aria-hidden />
          </button>
        </Tooltip>
      </div>
      <button type="button" className="primary" onClick={onSave} disabled={saving || !dirty}>
        <Save size={16} aria-hidden />
        Save
      </button>
      <div className="toolbar__group">
        {CANVAS_COMMANDS.map(({ id, Icon }) => (
          <button
            key={id}
            type="button"
            onClick={() => void commandById(id).run(commands)}
            disabled={testing}
          >
            <Icon size={16} aria-hidden />
            {commandById(id).label}
          </button>
        ))}
      </div>
      {(['compare', 'revisions'] as const).map((page) => (
        <a
          key={page}
          className="button"
          // "Compare" shown, the page's full name spoken: the bar fits one row at 1440 px.
          aria-label={page === 'compare' ? 'Compare revisions' : 'Revisions'}
          href={hrefFor({ page, processId })}
          onClick={(e) => {
            e.preventDefault();
            // The draft is written after a pause; these pages read it (or leave) at once.
            const { document, revision } = store.getState();
            if (dirty) {
              writeDraft(localStorage, document, revision);
            }
            navigate({ page, processId });
          }}
        >
          {page === 'compare' ? (
            <GitCompare size={16} aria-hidden />
          ) : (
            <History size={16} aria-hidden />
          )}
          {page === 'compare' ? 'Compare' : 'Revisions'}
        </a>
      ))}
      <label className={`button${testing ? ' is-disabled' : ''}`}>
        <FileUp size={16} aria-hidden />
        Import file…
        <input
          type="file"
          accept=".json,application/json"
          hidden
          disabled={testing}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared, so picking the same file again (after Cancel) is a change too.
            e.target.value = '';
            if (file) {
              onImportFile(file);
            }
          }}
        />
      </label>
      <Menu
        trigger={
          <>
            <Download size={16} aria-hidden />
            Export
          </>
        }
      >
        <MenuLinkItem href={`/api/processes/${encodeURIComponent(processId)}/export`} download>
          Process file (JSON, last saved)
        </MenuLinkItem>
        <MenuItem onSelect={() => onExportImage('png')}>Image (PNG)</MenuItem>
        <MenuItem onSelect={() => onExportImage('svg')}>Image (SVG)</MenuItem>
      </Menu>
      {/* One unit: when the bar is too narrow the Test controls move to a row of
          their own, rather than an editing button being stranded beside them. */}
      <div className="toolbar__test">
        <TestControls
          processId={processId}
          dirty={dirty}
          testing={testing}
          onTest={onTest}
          onEditInput={onEditInput}
          onHistory={onHistory}
        />
      </div>
    </header>
  );
}
