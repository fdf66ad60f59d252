import { Box, Text } from 'ink';
import type { ErrorCount } from '../../loadgen/run-result.js';
import { formatInteger } from '../format.js';
import { cell } from './text-cells.js';

/** Props of {@link ErrorList}. */
export interface ErrorListProps {
  errors: Record<string, ErrorCount>;
  /** At most this many kinds are listed, most frequent first; the rest are counted in one line. Default 4. */
  maxKinds?: number;
}

/** Errors by kind, most frequent first, each with its latest message. */
export function ErrorList({ errors, maxKinds = 4 }: ErrorListProps) {
  const kinds = Object.entries(errors).sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  if (kinds.length === 0) {
    return (
      <Text wrap="truncate-end">
        <Text bold>{cell('errors', 18)}</Text>
        <Text color="green">none</Text>
      </Text>
    );
  }
  const shown = kinds.slice(0, maxKinds);
  const hidden = kinds.slice(maxKinds);
  return (
    <Box flexDirection="column">
      {shown.map(([kind, error], index) => (
        <Text key={kind} wrap="truncate-end">
          <Text bold>{cell(index === 0 ? 'errors' : '', 18)}</Text>
          <Text color="red">
            {kind} {formatInteger(error.count)}
          </Text>
          <Text dimColor> last: {error.lastMessage}</Text>
        </Text>
      ))}
      {hidden.length > 0 ? (
        <Text wrap="truncate-end">
          {cell('', 18)}
          <Text dimColor>
            +{hidden.length} more kinds ({formatInteger(hidden.reduce((sum, [, error]) => sum + error.count, 0))} errors)
          </Text>
        </Text>
      ) : null}
    </Box>
  );
}
