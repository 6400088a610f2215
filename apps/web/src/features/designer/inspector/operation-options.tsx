import {
  type ConnectorConfig,
  type ConnectorKind,
  defaultConnectorConfig,
  type ValidationIssue,
} from '@junction/process-model';
import { ConnectorOptions } from './connector-options.tsx';
import { type Choice, SelectField } from './forms/fields.tsx';
import { PlatformOptions } from './platform-options.tsx';

const CONNECTORS: readonly Choice<ConnectorKind>[] = [
  { value: 'cloudblue-connect', label: 'CloudBlue Connect' },
  { value: 'junction-platform', label: 'Junction Platform API' },
];

/** A connector shape's (or connector Start's) operation: which connector, then its form. */
export function OperationOptions({
  operation,
  issues,
  onChange,
  onCommit,
  inboundOnly = false,
}: {
  operation: ConnectorConfig;
  issues: readonly ValidationIssue[];
  onChange: (next: ConnectorConfig, commit: boolean) => void;
  onCommit: () => void;
  inboundOnly?: boolean;
}) {
  return (
    <>
      <SelectField
        label="Connector"
        value={operation.connector}
        choices={CONNECTORS}
        onChange={(connector) => {
          if (connector !== operation.connector) {
            onChange(defaultConnectorConfig(connector, operation), true);
          }
        }}
      />
      {operation.connector === 'cloudblue-connect' ? (
        <ConnectorOptions
          operation={operation}
          issues={issues}
          onChange={onChange}
          onCommit={onCommit}
          inboundOnly={inboundOnly}
        />
      ) : (
        <PlatformOptions
          operation={operation}
          issues={issues}
          onChange={onChange}
          onCommit={onCommit}
          inboundOnly={inboundOnly}
        />
      )}
    </>
  );
}
