export type { ConnectSandboxAdminOptions } from './admin.ts';
export { connectSandboxAdmin, stateSummary } from './admin.ts';
export type { ConnectErrorBody } from './errors.ts';
export { SandboxHttpError } from './errors.ts';
export type {
  FaultDecision,
  FaultRule,
  FaultRuleStatus,
  FaultSettings,
  FaultStep,
} from './faults.ts';
export { FAULT_STEPS, parseFaultRule, SandboxFaults, sandboxFaults } from './faults.ts';
export { createInProcessSandbox, type InProcessSandbox } from './in-process-sandbox.ts';
export { createInjectFetch } from './inject-fetch.ts';
export type { JsonObject, JsonValue } from './json.ts';
export type {
  SandboxPersistence,
  SandboxPersistenceHandle,
  SandboxPersistenceOptions,
} from './persistence.ts';
export { attachSandboxPersistence } from './persistence.ts';
export type { ConnectSandboxOptions } from './plugin.ts';
export { connectSandbox, SANDBOX_DEMO_TOKEN, sandboxWebhooks } from './plugin.ts';
export type { SandboxStateOptions } from './seed/create-state.ts';
export { createSandboxState, DEFAULT_SCALE, DEFAULT_SEED, MAX_SCALE } from './seed/create-state.ts';
export type { CollectionName } from './store/collections.ts';
export type { SandboxChange, SandboxSnapshot, SandboxState } from './store/state.ts';
export { restoreSandboxState } from './store/state.ts';
export type { SandboxWebhookOptions, WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';
