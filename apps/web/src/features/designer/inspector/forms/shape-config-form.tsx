import type { Shape, ShapeKind, ValidationIssue } from '@junction/process-model';
import type { ReactNode } from 'react';
import { BusinessRulesForm } from './business-rules-form.tsx';
import {
  AddToCacheForm,
  FindChangesForm,
  RemoveFromCacheForm,
  RetrieveFromCacheForm,
} from './cache-forms.tsx';
import { CleanseForm } from './cleanse-form.tsx';
import { DataProcessForm } from './data-process-form.tsx';
import { FlowControlForm, ReturnDocumentsForm, StopForm, TryCatchForm } from './flow-forms.tsx';
import type { ConfigFormProps } from './form-props.ts';
import { MapForm } from './map-form.tsx';
import { ExceptionForm, MessageForm, NotifyForm } from './message-forms.tsx';
import { ProcessCallForm } from './process-call-form.tsx';
import { ProgramCommandForm } from './program-command-form.tsx';
import { BranchForm, DecisionForm, RouteForm } from './route-forms.tsx';
import { SetPropertiesForm } from './set-properties-form.tsx';

/** Start and Connector get the connector operation form from the Options panel. */
type FormKind = Exclude<ShapeKind, 'start' | 'connector'>;
type ConfigForm<K extends ShapeKind> = (props: ConfigFormProps<K>) => ReactNode;

// A mapped type, so adding a kind without a form is a compile error.
const FORMS: { readonly [K in FormKind]: ConfigForm<K> } = {
  map: MapForm,
  'set-properties': SetPropertiesForm,
  message: MessageForm,
  notify: NotifyForm,
  'program-command': ProgramCommandForm,
  'process-call': ProcessCallForm,
  'data-process': DataProcessForm,
  'find-changes': FindChangesForm,
  'add-to-cache': AddToCacheForm,
  'retrieve-from-cache': RetrieveFromCacheForm,
  'remove-from-cache': RemoveFromCacheForm,
  branch: BranchForm,
  route: RouteForm,
  cleanse: CleanseForm,
  decision: DecisionForm,
  exception: ExceptionForm,
  stop: StopForm,
  'return-documents': ReturnDocumentsForm,
  'flow-control': FlowControlForm,
  'business-rules': BusinessRulesForm,
  'try-catch': TryCatchForm,
};

/** The form of one shape's configuration, chosen by kind. */
export function ShapeConfigForm({
  shapeId,
  shape,
  issues,
  change,
  commit,
}: {
  shapeId: string;
  shape: Shape;
  issues: readonly ValidationIssue[];
  change: (next: Shape, commit: boolean) => void;
  commit: () => void;
}) {
  if (shape.kind === 'start' || shape.kind === 'connector') {
    return null;
  }
  // The table pairs each kind with its own form, so the config always fits it;
  // TypeScript cannot follow that through an indexed union, hence the widening.
  const Form = FORMS[shape.kind] as ConfigForm<FormKind>;
  return (
    <Form
      shapeId={shapeId}
      config={shape.config}
      issues={issues}
      onChange={(config, isCommit) => change({ ...shape, config } as Shape, isCommit)}
      onCommit={commit}
    />
  );
}
