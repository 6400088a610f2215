import { defaultShape } from './catalog/shape-catalog.ts';
import { CURRENT_SCHEMA_VERSION, type ProcessDocument } from './schema/process.ts';

export const START_SHAPE_ID = 'start';

/** A new process holds exactly its Start shape (Boomi adds it and it cannot go). */
export function createProcess(init: {
  id: string;
  name: string;
  description?: string;
}): ProcessDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: init.id,
    name: init.name,
    description: init.description ?? '',
    options: { allowSimultaneousExecutions: false, captureRunDates: true },
    shapes: { [START_SHAPE_ID]: defaultShape('start') },
    connections: [],
    layout: { [START_SHAPE_ID]: { x: 80, y: 160 } },
    notes: [],
  };
}
