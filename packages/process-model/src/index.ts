export {
  CONNECT_ACTIONS,
  CONNECT_OBJECT_ACTIONS,
  CONNECT_OBJECTS,
  type ConnectAction,
  type ConnectObject,
  isInboundConnectAction,
  isValidConnectPair,
} from './catalog/connect-operations.ts';
export {
  type ConnectOperationParameters,
  type ConnectParameterPlace,
  type ConnectParameterSpec,
  connectOperationParameters,
  connectParameterPlace,
  connectParametersText,
  isConnectFilterField,
} from './catalog/connect-parameters.ts';
export { connectorSummary, defaultConnectorConfig } from './catalog/connector-summary.ts';
export { MAX_BRANCHES, MIN_BRANCHES } from './catalog/kinds/logic.ts';
export { PALETTE, type PaletteSection } from './catalog/palette.ts';
export { parameterValueText } from './catalog/parameter-text.ts';
export {
  ACCOUNT_OVERRIDE_PROPERTY,
  isInboundPlatformAction,
  isPlatformObject,
  isValidPlatformExecuteAction,
  isValidPlatformPair,
  PLATFORM_ACTIONS,
  PLATFORM_EXECUTE_ACTIONS,
  PLATFORM_OBJECT_ACTIONS,
  PLATFORM_OBJECT_EXECUTE_ACTIONS,
  PLATFORM_OBJECTS,
  type PlatformExecuteAction,
  type PlatformObject,
} from './catalog/platform-operations.ts';
export {
  defaultShape,
  outputPorts,
  type PaletteGroup,
  type Port,
  SHAPE_CATALOG,
  type ShapeKindInfo,
  shapeInfo,
  shapeSummary,
} from './catalog/shape-catalog.ts';
export { trackedSide } from './catalog/tracked-side.ts';
export { createProcess, START_SHAPE_ID } from './create-process.ts';
export {
  type ConnectionDiff,
  type DiffStatus,
  diffProcesses,
  type NoteDiff,
  type ProcessDiff,
  type ShapeDiff,
} from './diff/process-diff.ts';
export { shapesOnCycles } from './graph/cycles.ts';
export { outgoingByPort, outgoingByShape } from './graph/outgoing.ts';
export { pathExists } from './graph/path-exists.ts';
export { predecessors } from './graph/predecessors.ts';
export { reachableFrom } from './graph/reachable.ts';
export { RUN_ORDER_LIMIT, runOrder } from './graph/run-order.ts';
export { successors } from './graph/successors.ts';
export { topologicalOrder } from './graph/topological-order.ts';
export {
  type BoomiImportOptions,
  type BoomiImportResult,
  importBoomiProcess,
  type MappedShape,
  type Omission,
} from './import/boomi/import-boomi.ts';
export {
  DEFAULT_XML_LIMITS,
  type ReadXmlLimits,
  type XmlProblem,
} from './import/boomi/read-xml.ts';
export { type DataPath, renderPath } from './json/data-path.ts';
export { diffJson, type JsonChange } from './json/json-diff.ts';
export {
  MAX_JSON_DEPTH,
  nestedDeeperThan,
  positionAt,
  type TextPosition,
  tooDeepAt,
} from './json/json-scan.ts';
export {
  duplicateKeyIssues,
  prototypeKeyIssues,
  type ReadJsonOptions,
  type ReadJsonResult,
  readJson,
  repeatedKeyIssues,
  syntaxIssue,
} from './json/read-json.ts';
export { processJsonSchemaText } from './json-schema.ts';
export { type MigrateResult, type MigrationTable, migrateProcess } from './migrate.ts';
export { addShape } from './operations/add-shape.ts';
export {
  connectionProblem,
  connectionTargets,
  connectShapes,
  disconnect,
} from './operations/connect-shapes.ts';
export { copyShapes, type ProcessFragment } from './operations/copy-shapes.ts';
export { insertShapeOnConnection } from './operations/insert-shape.ts';
export { moveShapes } from './operations/move-shapes.ts';
export {
  addNote,
  MAX_NOTE_LENGTH,
  moveNote,
  removeNotes,
  updateNoteText,
} from './operations/notes.ts';
export {
  MAX_SHAPES,
  pasteProblem,
  pasteShapes,
  SHAPE_COUNT_WARNING,
} from './operations/paste-shapes.ts';
export { removeShapes } from './operations/remove-shapes.ts';
export { renameProcess, updateShape } from './operations/update-shape.ts';
export { own } from './own.ts';
export { profileFromJsonSchema } from './profile/profile-from-json-schema.ts';
export { profileFromSample } from './profile/profile-from-sample.ts';
export {
  type ComparisonOperator,
  ComparisonOperatorSchema,
  EXECUTION_PROPERTY_NAMES,
  type ExecutionPropertyName,
  ExecutionPropertyNameSchema,
  IdSchema,
  type Parameter,
  ParameterSchema,
  type ParameterValue,
  type Position,
} from './schema/common.ts';
export {
  type ConnectorConfig,
  ConnectorConfigSchema,
  type ConnectorKind,
  type ConnectorOperation,
  ConnectorOperationSchema,
  type PlatformAction,
  PlatformActionSchema,
  type PlatformOperation,
  PlatformOperationSchema,
} from './schema/connector.ts';
export {
  CONNECT_WEBHOOK_CLASSES,
  type ConnectWebhookClass,
  type ConnectWebhookListener,
  ConnectWebhookListenerSchema,
  DEFAULT_SECRET_HEADER,
  DEFAULT_SYNC_TIMEOUT_SECONDS,
  defaultConnectWebhookListener,
  defaultHttpListener,
  type HttpListener,
  HttpListenerSchema,
  LISTEN_METHODS,
  LISTENER_BOUNDS,
  type Listener,
  type ListenerAnswer,
  type ListenerAuth,
  type ListenerLimits,
  ListenerSchema,
  type ListenMethod,
} from './schema/listener.ts';
export {
  type Connection,
  ConnectionSchema,
  CURRENT_SCHEMA_VERSION,
  type Note,
  type ProcessDocument,
  ProcessDocumentSchema,
  type ProcessOptions,
} from './schema/process.ts';
export {
  type JsonSchemaProfile,
  JsonSchemaProfileSchema,
  MAX_PROFILE_DEPTH,
  type ProfileType,
} from './schema/profile.ts';
export {
  type GroupingExpression,
  isGrouping,
  MAX_FILTER_DEPTH,
  operatorArgumentCount,
  QUERY_OPERATORS,
  type QueryExpression,
  type QueryFilter,
  QueryFilterSchema,
  type QueryOperator,
  type SimpleExpression,
} from './schema/query-filter.ts';
export {
  MAX_CONCAT_PARTS,
  MAX_LOOKUP_ENTRIES,
  MAX_MAP_STEPS,
  MAX_PAD_LENGTH,
  type MapFunctionName,
  type MapFunctionStep,
  MapFunctionStepSchema,
  type MapOperand,
  MapOperandSchema,
} from './schema/shapes/map-functions.ts';
export {
  type CleanseFieldRule,
  type ConnectorShape,
  type DataProcessStep,
  type PropertyAssignment,
  SHAPE_KINDS,
  SHAPE_SCHEMAS,
  type Shape,
  type ShapeConfig,
  type ShapeKind,
  type ShapeOfKind,
  ShapeSchema,
  type StartShape,
} from './schema/shapes.ts';
export {
  type ParseResult,
  parseProcess,
  readProcessValue,
  serializeProcess,
} from './serialize.ts';
export { dateFormatProblem, dateFormatter, formatDate } from './text/date-format.ts';
export { dateParser, ISO_DATE_MASKS, parseDate } from './text/date-parse.ts';
export { type FieldPathSegment, parseFieldPath } from './text/field-path.ts';
export {
  type MessageTemplate,
  parseMessageTemplate,
  renderMessageTemplate,
  type TemplateSegment,
} from './text/message-template.ts';
export { compileRegex, regexProblem } from './text/regex.ts';
export { pointerOf, type ValidationIssue } from './validation/issue.ts';
export { bodySchemaProblems, MAX_BODY_SCHEMA_DEPTH } from './validation/listener-body-schema.ts';
export { listenerPathProblem } from './validation/listener-path.ts';
export { parameterReference } from './validation/query-filter.ts';
export { isReservedSecretHeader } from './validation/shapes/listen.ts';
export { MAX_PARALLEL_UNITS, MAX_RETRIES } from './validation/shapes/logic.ts';
export { constantNumber } from './validation/shapes/map-functions.ts';
export { DEFAULT_SIZE_LIMITS, type SizeLimits } from './validation/size.ts';
export { hasErrors, type ValidateOptions, validateProcess } from './validation/validate.ts';
