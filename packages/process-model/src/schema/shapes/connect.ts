import Type from 'typebox';
import { ConnectorConfigSchema } from '../connector.ts';
import { ListenerSchema } from '../listener.ts';
import { shape, strictObject } from './define.ts';

export const StartShapeSchema = shape(
  'start',
  Type.Union([
    strictObject({ mode: Type.Literal('no-data') }),
    strictObject({ mode: Type.Literal('connector'), operation: ConnectorConfigSchema }),
    strictObject({ mode: Type.Literal('passthrough') }),
    strictObject({ mode: Type.Literal('listen'), listener: ListenerSchema }),
  ]),
);

export const ConnectorShapeSchema = shape('connector', ConnectorConfigSchema);
