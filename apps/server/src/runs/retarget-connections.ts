import type { ProcessDocument } from '@junction/process-model';

/**
 * Points every Connect operation at the run's chosen connection (a test on the
 * sandbox of a process wired to live Connect). Platform API operations keep their
 * own connection: it decides the account they act in, not where test data lives.
 */
export function retargetConnectConnections(
  process: ProcessDocument,
  connectionId: string | null,
): ProcessDocument {
  if (connectionId === null) {
    return process;
  }
  const retarget = <T extends { connector: string; connectionId: string }>(op: T): T =>
    op.connector === 'cloudblue-connect' ? { ...op, connectionId } : op;
  const shapes = Object.fromEntries(
    Object.entries(process.shapes).map(([id, shape]) => {
      if (shape.kind === 'connector') {
        return [id, { ...shape, config: retarget(shape.config) }];
      }
      if (shape.kind === 'start' && shape.config.mode === 'connector') {
        return [
          id,
          { ...shape, config: { ...shape.config, operation: retarget(shape.config.operation) } },
        ];
      }
      return [id, shape];
    }),
  );
  return { ...process, shapes };
}
