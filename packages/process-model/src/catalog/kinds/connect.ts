import { connectorSummary } from '../connector-summary.ts';
import { type ShapeKindInfo, singlePort } from '../kind-info.ts';

export const start: ShapeKindInfo<'start'> = {
  kind: 'start',
  label: 'Start',
  group: 'special',
  description:
    'Where every run begins: no data, a connector Get, the caller’s documents, or a call it listens for.',
  ports: singlePort,
  defaultShape: () => ({ kind: 'start', label: '', config: { mode: 'no-data' } }),
  summary: (shape) => {
    switch (shape.config.mode) {
      case 'no-data':
        return 'No Data';
      case 'passthrough':
        return 'Data Passthrough';
      case 'connector':
        return connectorSummary(shape.config.operation);
      case 'listen': {
        const listener = shape.config.listener;
        if (listener.kind === 'connect-webhook') {
          return `Connect webhook: ${listener.objectClass}`;
        }
        return listener.path === '' ? 'Listen' : `Listen ${listener.method} /${listener.path}`;
      }
    }
  },
};

export const connector: ShapeKindInfo<'connector'> = {
  kind: 'connector',
  label: 'Connector',
  group: 'connector',
  description: 'Get data from or send data to CloudBlue Connect or the Junction Platform API.',
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
  summary: (shape) => connectorSummary(shape.config),
};
