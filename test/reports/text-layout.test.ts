/** The summary's text layout, on hand-made lines whose expected layout is counted out by hand. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitLine, layoutColumns, wrapItems, wrapWords } from '../../reports/text-layout.js';

test('fact lines wrap between items, continuation lines under the first item', () => {
  // The label is padded to 12 characters, then a space: items start at column 13.
  assert.deepEqual(wrapItems('target', ['url http://x', 'client lean'], 80), ['target       url http://x · client lean']);
  assert.deepEqual(wrapItems('target', ['url http://x', 'client lean'], 30), ['target       url http://x', '             client lean']);
});

test('words wrap at spaces; a word longer than the line stays whole', () => {
  assert.deepEqual(wrapWords('warning: one two three', 14, '  '), ['warning: one', '  two three']);
  assert.deepEqual(wrapWords('see http://a-very-long-url', 10, ' '), ['see', ' http://a-very-long-url']);
});

test('columns pad to the widest cell, right-aligned where asked, trailing spaces trimmed', () => {
  assert.deepEqual(layoutColumns(['metric', 'count'], [['join', '7'], ['broadcast', '1,200']], [false, true]), [
    'metric     count',
    'join           7',
    'broadcast  1,200',
  ]);
  assert.equal(fitLine('abcdef', 4), 'abc…');
  assert.equal(fitLine('abcd', 4), 'abcd');
});
