import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fanoutWarnings } from '../../../loadgen/engine/fanout-warnings.js';

test('incomplete fan-outs and late receipts are each one warning, broadcasts and custom messages named apart', () => {
  assert.deepEqual(
    fanoutWarnings([
      { metric: 'broadcast', complete: 10, incomplete: 3, lateReceipts: 1 },
      { metric: 'chat', complete: 5, incomplete: 0, lateReceipts: 2 },
    ]),
    [
      '3 broadcasts did not reach every expected member in time to be judged (see broadcast.delivery.lost)',
      '1 broadcast receipts arrived after their fan-out had been judged; fanoutCompletion leaves those messages out',
      "2 'chat' message receipts arrived after their fan-out had been judged; chat.fanout leaves those messages out",
    ],
  );
});

test('clean fan-outs: no warning', () => {
  assert.deepEqual(fanoutWarnings([{ metric: 'broadcast', complete: 10, incomplete: 0, lateReceipts: 0 }]), []);
  assert.deepEqual(fanoutWarnings([]), []);
});
