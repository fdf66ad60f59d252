/**
 * Plain-text layout for the end-of-run summary: fact lines ("label  item · item") wrapped so that no fact is
 * cut off, words wrapped at spaces, columns padded and aligned, and the cut of a line that is still too long.
 * No ANSI: the text reads the same in a terminal and in a CI log.
 */

/** Columns of a table are separated by this. */
const COLUMN_GAP = '  ';

/** Width of the labels of the fact lines ("connections  "), so their items line up. */
const LABEL_CHARS = 13;

/**
 * `label` followed by `items` joined with ' · ', wrapped at `width` onto continuation lines indented past the
 * label, so that no fact is cut off.
 */
export function wrapItems(label: string, items: readonly string[], width: number): string[] {
  const indent = ' '.repeat(LABEL_CHARS);
  const lines: string[] = [];
  let line = label.padEnd(LABEL_CHARS - 1);
  let itemsOnLine = 0;
  for (const item of items) {
    const candidate = itemsOnLine === 0 ? `${line} ${item}` : `${line} · ${item}`;
    if (itemsOnLine > 0 && candidate.length > width) {
      lines.push(line);
      line = `${indent}${item}`;
    } else {
      line = candidate;
    }
    itemsOnLine += 1;
  }
  lines.push(line);
  return lines;
}



/**
 * `text` broken at spaces into lines of at most `width` characters, continuation lines starting with `indent`.
 * A single word longer than a line stays whole on its own line (fitLine then cuts it: a URL is better cut than split).
 */
export function wrapWords(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  const leading = /^ */.exec(text)?.[0] ?? '';
  let line = leading;
  for (const word of text.slice(leading.length).split(' ')) {
    const candidate = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
    if (line.trim() !== '' && candidate.length > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else {
      line = candidate;
    }
  }
  lines.push(line);
  return lines;
}

/** `text` broken at spaces into lines of at most `width` characters starting with `indent`, continuation lines indented by two more. */
export function wrapText(text: string, width: number, indent: string): string[] {
  return wrapWords(`${indent}${text}`, width, `${indent}  `);
}

/** Lays out a header and rows in columns separated by two spaces; trailing spaces are trimmed. */
export function layoutColumns(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  return all.map((row) =>
    row
      .map((cell, column) => {
        const columnWidth = widths[column] ?? cell.length;
        return rightAligned[column] === true ? cell.padStart(columnWidth) : cell.padEnd(columnWidth);
      })
      .join(COLUMN_GAP)
      .trimEnd(),
  );
}

/** Cuts a line longer than `width` characters, marking the cut with '…'. */
export function fitLine(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, Math.max(0, width - 1))}…`;
}
