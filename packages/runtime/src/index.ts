/**
 * `@junction/runtime`: the engine that executes a process. It knows nothing of HTTP,
 * storage or React; hosts (the server, workers, the CLI, the benchmarks) hand it a
 * connector gateway and the stores it may use, and listen to what happens.
 */

export { callConnect, callConnectUnparsed, connectClientGateway } from './connect-call.ts';
export { executeProcess } from './engine.ts';
export {
  DEFAULT_SCRIPT_LIMITS,
  DEFAULT_TEST_LIMITS,
  type ExecuteOptions,
  MAX_CALL_DEPTH,
  type TestLimits,
} from './execution.ts';
export { regexLiteralProblem } from './handlers/jsonata-regex.ts';
export { jsonataRegexIssues } from './jsonata-validation.ts';
export { keyedRecord, setOwn } from './keyed-record.ts';
export type {
  PauseAction,
  PauseAnswer,
  PauseHost,
  PauseReason,
  PauseRequest,
} from './pause.ts';
export { META } from './properties.ts';
export { succeeded, withWarnings } from './run-status.ts';
export {
  type AnyShapeHandler,
  ConnectorCallError,
  type ConnectorGateway,
  type ConnectorRecords,
  type ConnectorRequest,
  type DocumentError,
  type ExecutionInfo,
  type ListenedDocuments,
  type LogEntry,
  type LogLevel,
  type PersistedPropertyStore,
  type PlatformGateway,
  type PlatformRequest,
  type ProgramCommandPolicy,
  type RecordPages,
  type RunContext,
  type RunDocument,
  type RunListener,
  type RunLogEntry,
  type RunOutcome,
  type RunStatus,
  type ScriptLimits,
  type Shape,
  type ShapeResult,
  type ShapeStats,
  type ShapeStatus,
  type SnapshotStore,
} from './types.ts';
