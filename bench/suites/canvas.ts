import { moveShapes } from '@junction/process-model';
import {
  createFlowProjector,
  type FlowInputs,
} from '../../apps/web/src/features/designer/canvas/to-flow.ts';
import { type Figure, fmt, medianMs } from '../measure.ts';
import { chainProcess } from './process-model.ts';

/** Canvas projection: a full projection versus the memoised one after a one-shape move. */
export async function canvasFigures(): Promise<Figure[]> {
  const document = chainProcess(250);
  const inputs: FlowInputs = {
    document,
    selectedShapes: [],
    selectedConnections: [],
    measured: {},
    issues: [],
    runShapes: undefined,
    runConnections: undefined,
  };
  const full = await medianMs(() => createFlowProjector().nodes(inputs), 100);
  const projector = createFlowProjector();
  projector.nodes(inputs);
  let x = 0;
  const incremental = await medianMs(() => {
    x += 1;
    projector.nodes({ ...inputs, document: moveShapes(document, { s5: { x, y: 0 } }) });
  }, 200);
  return [
    {
      figure: 'canvas: project 250 shapes to React Flow nodes (median)',
      value: fmt(full),
      comparison: `after moving one shape (memoised): ${fmt(incremental)} (×${(full / incremental).toFixed(1)} faster)`,
      target: 'incremental < 2 ms, so a drag stays at 60 fps',
      met: incremental < 2,
    },
  ];
}
