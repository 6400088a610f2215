import { CONNECT_ACTIONS, CONNECT_OBJECTS } from '../connect-operations.ts';
import { type ShapeKindInfo, singlePort } from '../kind-info.ts';

function operationSummary(action: string, object: string): string {
  const a = (CONNECT_ACTIONS as Record<string, string>)[action];
  const o = (CONNECT_OBJECTS as Record<string, string>)[object];
  return a && o ? `${a} · ${o}` : 'Not configured';
}

export const start: ShapeKindInfo<'start'> = {
  kind: 'start',
  label: 'Start',
  group: 'special',
  description: 'Where every run begins: no data, a connector Get, or the caller’s documents.',
  ports: singlePort,
  defaultShape: () => ({ kind: 'start', label: '', config: { mode: 'no-data' } }),
  summary: (shape) => {
    switch (shape.config.mode) {
      case 'no-data':
        return 'No Data';
      case 'passthrough':
        return 'Data Passthrough';
      case 'connector':
        return operationSummary(shape.config.operation.action, shape.config.operation.object);
    }
  },
};

export const connector: ShapeKindInfo<'connector'> = {
  kind: 'connector',
  label: 'Connector',
  group: 'connector',
  description: 'Get data from or send data to CloudBlue Connect.',
  ports: singlePort,
  defaultShape: () => ({
    kind: 'connector',
    label: '',
    config: {
      connector: 'cloudblue-connect',
      connectionId: '',
      action: '',
      object: '',
      trackingDirection: 'output',
      returnApplicationErrors: false,
      parameters: [],
    },
  }),
  summary: (shape) => operationSummary(shape.config.action, shape.config.object),
};
