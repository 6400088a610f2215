import Type, { type Static } from 'typebox';
import { ConnectorShapeSchema, StartShapeSchema } from './shapes/connect.ts';
import {
  AddToCacheShapeSchema,
  DataProcessShapeSchema,
  FindChangesShapeSchema,
  RemoveFromCacheShapeSchema,
  RetrieveFromCacheShapeSchema,
} from './shapes/data.ts';
import {
  MapShapeSchema,
  MessageShapeSchema,
  NotifyShapeSchema,
  ProcessCallShapeSchema,
  ProgramCommandShapeSchema,
  SetPropertiesShapeSchema,
} from './shapes/execute.ts';
import {
  BranchShapeSchema,
  BusinessRulesShapeSchema,
  CleanseShapeSchema,
  DecisionShapeSchema,
  ExceptionShapeSchema,
  FlowControlShapeSchema,
  ReturnDocumentsShapeSchema,
  RouteShapeSchema,
  StopShapeSchema,
  TryCatchShapeSchema,
} from './shapes/logic.ts';

export { ConnectorShapeSchema, StartShapeSchema, StopShapeSchema };

/** One schema per shape kind, keyed by kind: validation dispatches on `kind`. */
export const SHAPE_SCHEMAS = {
  start: StartShapeSchema,
  connector: ConnectorShapeSchema,
  map: MapShapeSchema,
  'set-properties': SetPropertiesShapeSchema,
  message: MessageShapeSchema,
  notify: NotifyShapeSchema,
  'program-command': ProgramCommandShapeSchema,
  'process-call': ProcessCallShapeSchema,
  'data-process': DataProcessShapeSchema,
  'find-changes': FindChangesShapeSchema,
  'add-to-cache': AddToCacheShapeSchema,
  'retrieve-from-cache': RetrieveFromCacheShapeSchema,
  'remove-from-cache': RemoveFromCacheShapeSchema,
  branch: BranchShapeSchema,
  route: RouteShapeSchema,
  cleanse: CleanseShapeSchema,
  decision: DecisionShapeSchema,
  exception: ExceptionShapeSchema,
  stop: StopShapeSchema,
  'return-documents': ReturnDocumentsShapeSchema,
  'flow-control': FlowControlShapeSchema,
  'business-rules': BusinessRulesShapeSchema,
  'try-catch': TryCatchShapeSchema,
} as const;

export type ShapeKind = keyof typeof SHAPE_SCHEMAS;
export const SHAPE_KINDS = Object.keys(SHAPE_SCHEMAS) as ShapeKind[];

// Listed explicitly (not Object.values) so TypeScript keeps the discriminated union.
export const ShapeSchema = Type.Union([
  StartShapeSchema,
  ConnectorShapeSchema,
  MapShapeSchema,
  SetPropertiesShapeSchema,
  MessageShapeSchema,
  NotifyShapeSchema,
  ProgramCommandShapeSchema,
  ProcessCallShapeSchema,
  DataProcessShapeSchema,
  FindChangesShapeSchema,
  AddToCacheShapeSchema,
  RetrieveFromCacheShapeSchema,
  RemoveFromCacheShapeSchema,
  BranchShapeSchema,
  RouteShapeSchema,
  CleanseShapeSchema,
  DecisionShapeSchema,
  ExceptionShapeSchema,
  StopShapeSchema,
  ReturnDocumentsShapeSchema,
  FlowControlShapeSchema,
  BusinessRulesShapeSchema,
  TryCatchShapeSchema,
]);
export type Shape = Static<typeof ShapeSchema>;
export type ShapeOfKind<K extends ShapeKind> = Extract<Shape, { kind: K }>;
export type StartShape = ShapeOfKind<'start'>;
export type ConnectorShape = ShapeOfKind<'connector'>;
/** The configuration type of one kind, e.g. `ShapeConfig<'branch'>` is `{ count: number }`. */
export type ShapeConfig<K extends ShapeKind> = ShapeOfKind<K>['config'];
export type DataProcessStep = ShapeConfig<'data-process'>['steps'][number];
export type PropertyAssignment = ShapeConfig<'set-properties'>['properties'][number];
export type CleanseFieldRule = ShapeConfig<'cleanse'>['fields'][number];
