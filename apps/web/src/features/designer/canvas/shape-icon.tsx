import { type ShapeKind, shapeInfo } from '@junction/process-model';
import {
  Bell,
  CircleStop,
  Diamond,
  Diff,
  FileCog,
  GitFork,
  Layers,
  ListChecks,
  type LucideIcon,
  MessageSquareText,
  OctagonX,
  PackageMinus,
  PackageOpen,
  PackagePlus,
  Play,
  Plug,
  ShieldCheck,
  Shuffle,
  Signpost,
  SlidersHorizontal,
  Sparkles,
  SquareTerminal,
  Undo2,
  Workflow,
} from 'lucide-react';

/**
 * One SVG icon per kind, the same in the palette and on the canvas. SVG rather than
 * Unicode glyphs: a font without the glyph drew an empty box.
 */
const ICONS: Readonly<Record<ShapeKind, LucideIcon>> = {
  start: Play,
  stop: CircleStop,
  connector: Plug,
  map: Shuffle,
  'set-properties': SlidersHorizontal,
  message: MessageSquareText,
  notify: Bell,
  'program-command': SquareTerminal,
  'data-process': FileCog,
  'process-call': Workflow,
  'add-to-cache': PackagePlus,
  'retrieve-from-cache': PackageOpen,
  'remove-from-cache': PackageMinus,
  'find-changes': Diff,
  branch: GitFork,
  route: Signpost,
  decision: Diamond,
  'try-catch': ShieldCheck,
  'business-rules': ListChecks,
  cleanse: Sparkles,
  'flow-control': Layers,
  exception: OctagonX,
  'return-documents': Undo2,
};

/** The colour family of a kind: its palette group, with Start and Stop apart. */
export type ShapeFamily = 'start' | 'stop' | 'connector' | 'execute' | 'logic';

export function shapeFamily(kind: ShapeKind): ShapeFamily {
  if (kind === 'start' || kind === 'stop') {
    return kind;
  }
  const group = shapeInfo(kind).group;
  return group === 'special' ? 'logic' : group;
}

/** The kind's icon, tinted by its family; decorative, since a text label always sits beside it. */
export function ShapeIcon({ kind }: { kind: ShapeKind }) {
  const Icon = ICONS[kind];
  return (
    <Icon
      className={`shape-icon shape-family--${shapeFamily(kind)}`}
      size={16}
      strokeWidth={2}
      aria-hidden="true"
      focusable="false"
      data-kind={kind}
    />
  );
}
