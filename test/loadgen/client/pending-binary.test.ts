/** A binary packet's attachments: complete after the announced count, placeholders replaced in order. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProtocolError } from '../../../loadgen/client/engineio-codec.js';
import { PendingBinary } from '../../../loadgen/client/pending-binary.js';
import { SIO_BINARY_EVENT } from '../../../loadgen/client/socketio-codec.js';

test('the packet is complete at its last announced attachment, each placeholder then its buffer', () => {
  const data = ['upload', { _placeholder: true, num: 1 }, { meta: { _placeholder: true, num: 0 } }];
  const pending = new PendingBinary(SIO_BINARY_EVENT, '/', 4, data, 2);
  assert.equal(pending.add(Buffer.from([1, 2])), false);
  assert.equal(pending.add(Buffer.from([3])), true);
  assert.deepEqual(pending.assemble(), ['upload', Buffer.from([3]), { meta: Buffer.from([1, 2]) }]);
  assert.deepEqual([pending.type, pending.nsp, pending.ackId], [SIO_BINARY_EVENT, '/', 4]);
});

test('a placeholder with no such attachment is a protocol error', () => {
  const pending = new PendingBinary(SIO_BINARY_EVENT, '/', -1, ['x', { _placeholder: true, num: 1 }], 1);
  assert.equal(pending.add(Buffer.from([9])), true);
  assert.throws(() => pending.assemble(), ProtocolError);
});
