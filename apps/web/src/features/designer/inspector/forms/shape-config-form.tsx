import type { Shape, ValidationIssue } from '@junction/process-model';
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
import { MapForm } from './map-form.tsx';
import { ExceptionForm, MessageForm, NotifyForm } from './message-forms.tsx';
import { ProcessCallForm } from './process-call-form.tsx';
import { ProgramCommandForm } from './program-command-form.tsx';
import { BranchForm, DecisionForm, RouteForm } from './route-forms.tsx';
import { SetPropertiesForm } from './set-properties-form.tsx';

/**
 * The form of one shape's configuration, chosen by kind. Start and Connector are
 * not here: the Options panel gives them the connector operation form.
 */
export function ShapeConfigForm({
  shape,
  issues,
  change,
  commit,
}: {
  shape: Shape;
  issues: readonly ValidationIssue[];
  change: (next: Shape, commit: boolean) => void;
  commit: () => void;
}) {
  const common = { issues, onCommit: commit };
  switch (shape.kind) {
    case 'map':
      return (
        <MapForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'set-properties':
      return (
        <SetPropertiesForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'message':
      return (
        <MessageForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'notify':
      return (
        <NotifyForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'program-command':
      return (
        <ProgramCommandForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'process-call':
      return (
        <ProcessCallForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'data-process':
      return (
        <DataProcessForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'find-changes':
      return (
        <FindChangesForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'add-to-cache':
      return (
        <AddToCacheForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'retrieve-from-cache':
      return (
        <RetrieveFromCacheForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'remove-from-cache':
      return (
        <RemoveFromCacheForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'branch':
      return (
        <BranchForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'route':
      return (
        <RouteForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'decision':
      return (
        <DecisionForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'try-catch':
      return (
        <TryCatchForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'business-rules':
      return (
        <BusinessRulesForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'cleanse':
      return (
        <CleanseForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'flow-control':
      return (
        <FlowControlForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'exception':
      return (
        <ExceptionForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'return-documents':
      return (
        <ReturnDocumentsForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'stop':
      return (
        <StopForm
          {...common}
          config={shape.config}
          onChange={(config, c) => change({ ...shape, config }, c)}
        />
      );
    case 'start':
    case 'connector':
      return null;
  }
}
