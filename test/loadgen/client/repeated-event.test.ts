/**
 * The thread's repeated-event cache: the same text gives the same decoded event (decoded once), any other text is
 * decoded afresh, and the shared arguments cannot be changed by the clients that receive them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RepeatedEventCache, eventOf } from '../../../loadgen/client/repeated-event.js';
import { createDecodedPacket, decodeSocketIoPacket } from '../../../loadgen/client/socketio-codec.js';

function decode(text: string) {
  const packet = createDecodedPacket();
  decodeSocketIoPacket(text, 1, packet);
  return packet;
}

test('the same text is the same event; a text one byte apart is not served from the cache', () => {
  const cache = new RepeatedEventCache();
  const text = '42["broadcast",{"from":3,"seq":7}]';
  assert.equal(cache.get(text), undefined);
  const first = cache.remember(text, decode(text));
  assert.deepEqual(first, { nsp: '/', ackId: -1, event: 'broadcast', args: [{ from: 3, seq: 7 }] });
  // A string with the same content built separately (as each socket's frame is) hits the cache.
  assert.equal(cache.get(['42["broadcast",{"from":3,', '"seq":7}]'].join('')), first);
  assert.equal(cache.get('42["broadcast",{"from":3,"seq":8}]'), undefined);
  const other = '42/chat,5["broadcast",{"from":3,"seq":8}]';
  const second = cache.remember(other, decode(other));
  assert.deepEqual(second, { nsp: '/chat', ackId: 5, event: 'broadcast', args: [{ from: 3, seq: 8 }] });
  assert.equal(cache.get(text), undefined, 'only the last text is kept');
});

test('the shared arguments are frozen, and only a text EVENT is remembered', () => {
  const cache = new RepeatedEventCache();
  const text = '42["chat","a","b"]';
  const event = cache.remember(text, decode(text));
  assert.throws(() => (event.args as unknown[]).push('c'), TypeError);
  assert.deepEqual(event.args, ['a', 'b']);
  assert.throws(() => cache.remember('43["x"]', decode('43["x"]')), TypeError);
  assert.throws(() => cache.remember('451-["x",{"_placeholder":true,"num":0}]', decode('451-["x",{"_placeholder":true,"num":0}]')), TypeError);
  // A numeric event name is a string to the handlers, as with socket.io-client.
  assert.equal(eventOf('/', -1, [42, 'x']).event, '42');
});
