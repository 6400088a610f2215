import type { PlatformAction } from '../schema/connector.ts';

/**
 * The Junction Platform API connector's catalog (Boomi's AtomSphere Partner API
 * connector, process-semantics.md §11.1): actions, objects, the valid (action,
 * object) pairs and the Execute actions each object offers.
 */

export const PLATFORM_ACTIONS: Readonly<Record<PlatformAction, string>> = {
  get: 'Get',
  query: 'Query',
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
  execute: 'Execute',
};

export const PLATFORM_OBJECTS = {
  account: 'Account',
  environment: 'Environment',
  process: 'Process',
  deployment: 'Deployment',
  'execution-record': 'Execution Record',
  connection: 'Connection',
  token: 'Token',
} as const;

export type PlatformObject = keyof typeof PLATFORM_OBJECTS;

export const PLATFORM_EXECUTE_ACTIONS = {
  'execute-process': 'Execute Process',
  'cancel-execution': 'Cancel Execution',
  'deploy-process': 'Deploy Process',
  'provision-account': 'Provision Account',
} as const;

export type PlatformExecuteAction = keyof typeof PLATFORM_EXECUTE_ACTIONS;

/** Valid actions per object, in the order the Options panel lists them. */
export const PLATFORM_OBJECT_ACTIONS: Readonly<Record<PlatformObject, readonly PlatformAction[]>> =
  {
    account: ['get', 'query', 'create', 'update', 'delete', 'execute'],
    environment: ['get', 'query', 'create', 'update', 'delete'],
    process: ['get', 'query', 'create', 'update', 'delete', 'execute'],
    deployment: ['get', 'query', 'create', 'delete', 'execute'],
    'execution-record': ['get', 'query', 'execute'],
    connection: ['get', 'query', 'create', 'update', 'delete'],
    token: ['get', 'query', 'create', 'delete'],
  };

/** What Execute does on each object that supports it. */
export const PLATFORM_OBJECT_EXECUTE_ACTIONS: Readonly<
  Record<PlatformObject, readonly PlatformExecuteAction[]>
> = {
  account: ['provision-account'],
  environment: [],
  process: ['execute-process'],
  deployment: ['deploy-process'],
  'execution-record': ['cancel-execution'],
  connection: [],
  token: [],
};

export function isPlatformObject(object: string): object is PlatformObject {
  return Object.hasOwn(PLATFORM_OBJECTS, object);
}

export function isValidPlatformPair(action: string, object: string): boolean {
  return isPlatformObject(object) && PLATFORM_OBJECT_ACTIONS[object].includes(action as never);
}

export function isValidPlatformExecuteAction(object: string, executeAction: string): boolean {
  return (
    isPlatformObject(object) &&
    PLATFORM_OBJECT_EXECUTE_ACTIONS[object].includes(executeAction as never)
  );
}

/** Get and Query read records (output is the records); the rest send documents. */
export function isInboundPlatformAction(action: PlatformAction): boolean {
  return action === 'get' || action === 'query';
}

/** The dynamic process property that overrides an operation's Account ID (Boomi's name). */
export const ACCOUNT_OVERRIDE_PROPERTY = 'boomiPartnerApi-overrideAccountId';
