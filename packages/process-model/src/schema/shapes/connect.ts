import Type from 'typebox';
import { ConnectorConfigSchema } from '../connector.ts';
import { shape, strictObject } from './define.ts';

export const StartShapeSchema = shape(
  'start',
  Type.Union([
    strictObject({ mode: Type.Literal('no-data') }),
    strictObject({ mode: Type.Literal('connector'), operation: ConnectorConfigSchema }),
    strictObject({ mode: Type.Literal('passthrough') }),
  ]),
);

export const ConnectorShapeSchema = shape('connector', ConnectorConfigSchema);
