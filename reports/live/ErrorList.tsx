import { Box, Text } from 'ink';
import type { ErrorCount } from '../../loadgen/run-result.js';
import { formatInteger } from '../format.js';
import { cell } from './text-cells.js';

/** Props of {@link ErrorList}. */
export interface ErrorListProps {
  errors: Record<string, ErrorCount>;
  /** At most this many kinds are listed, most frequent first; the rest are counted in one line. Default 4. */
  maxKinds?: number;
  /** Most rows in all, the line counting the rest included; one row shows the top kind and the count. Default: no limit. */
  maxRows?: number;
}

/** Errors by kind, most frequent first, each with its latest message. */
export function ErrorList({ errors, maxKinds: kindsWanted = 4, maxRows = Number.POSITIVE_INFINITY }: ErrorListProps) {
  const kinds = Object.entries(errors).sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  if (kinds.length === 0) {
    return (
      <Text wrap="truncate-end">
        <Text bold>{cell('errors', 18)}</Text>
        <Text color="green">none</Text>
      </Text>
    );
  }
  const fitting = kinds.length <= Math.min(kindsWanted, maxRows) ? kinds.length : Math.max(1, Math.min(kindsWanted, maxRows - 1));
  const shown = kinds.slice(0, fitting);
  const hidden = kinds.slice(fitting);
  // One row only: the rest are counted on the top kind's row.
  const inline = hidden.length > 0 && maxRows <= 1;
  return (
    <Box flexDirection="column">
      {shown.map(([kind, error], index) => (
        <Text key={kind} wrap="truncate-end">
          <Text bold>{cell(index === 0 ? 'errors' : '', 18)}</Text>
          <Text color="red">
            {kind} {formatInteger(error.count)}
          </Text>
          {inline ? <Text dimColor> (+{hidden.length} more kinds)</Text> : null}
          <Text dimColor> last: {error.lastMessage}</Text>
        </Text>
      ))}
      {hidden.length > 0 && !inline ? (
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
