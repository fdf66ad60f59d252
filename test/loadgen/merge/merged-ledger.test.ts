import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LedgerLog, type ShardLedger } from '../../../loadgen/shard/ledger-log.js';
import { mergeLedgers } from '../../../loadgen/merge/merged-ledger.js';
import { DeliveryChannels } from '../../../loadgen/measure/delivery-channels.js';
import { summarizeEncoded } from '../../../loadgen/measure/histogram-factory.js';

const ROOMS = 2;
const CLIENTS = 4;

function channels(includeSelf: boolean): DeliveryChannels {
  return new DeliveryChannels(ROOMS, CLIENTS, includeSelf);
}

/**
 * Room 0 has members 0, 1, 2, 3 (0 and 2 in slice 0, 1 and 3 in slice 1), all joined at 100 µs; member 3
 * leaves at 500 µs. Client 0 broadcasts at 200 and 600 µs; client 1 at 300 µs. Direct channel of client 2
 * (ROOMS + 1 + 2) is open from 100 µs; client 1 sends it one direct at 400 µs.
 * Expected broadcasts: at 200 → 1, 2, 3 (3); at 300 → 0, 2, 3 (3); at 600 → 1, 2 (2) = 8. Directs: 1.
 */
function slices(): ShardLedger[] {
  const a = new LedgerLog();
  a.add({
    sends: [{ channel: 0, sender: 0, sentUs: [200, 600] }],
    windows: [
      { channel: 0, receiver: 0, connection: 100, atUs: 100, open: true },
      { channel: 0, receiver: 2, connection: 102, atUs: 100, open: true },
      { channel: ROOMS + 1 + 2, receiver: 2, connection: 102, atUs: 100, open: true },
    ],
    tails: [],
    receipts: [],
    senderTails: [],
    messages: [
      // Broadcast (0, seq 0) at 200: slice 0's only other member (2) got it at 250.
      { channel: 0, sender: 0, seq: 0, t0Us: 190, sentUs: 200, received: 1, lastReceiveUs: 250 },
      // (1, seq 0) at 300: members 0 and 2 got it, last at 390.
      { channel: 0, sender: 1, seq: 0, t0Us: 300, sentUs: 300, received: 2, lastReceiveUs: 390 },
      // (0, seq 1) at 600: member 2 got it at 650.
      { channel: 0, sender: 0, seq: 1, t0Us: 600, sentUs: 600, received: 1, lastReceiveUs: 650 },
    ],
  });
  const b = new LedgerLog();
  b.add({
    sends: [
      { channel: 0, sender: 1, sentUs: [300] },
      { channel: ROOMS + 1 + 2, sender: 1, sentUs: [400] },
    ],
    windows: [
      { channel: 0, receiver: 1, connection: 101, atUs: 100, open: true },
      { channel: 0, receiver: 3, connection: 103, atUs: 100, open: true },
    ],
    tails: [],
    receipts: [],
    senderTails: [],
    messages: [
      // (0, seq 0): members 1 and 3 got it, the last at 1190: completion 1190 - 190 = 1000 µs.
      { channel: 0, sender: 0, seq: 0, t0Us: 190, sentUs: 200, received: 2, lastReceiveUs: 1190 },
      // (1, seq 0): member 3 never got it: incomplete.
      // (0, seq 1): member 1 got it at 700 (3 had left): completion 100 µs.
      { channel: 0, sender: 0, seq: 1, t0Us: 600, sentUs: 600, received: 1, lastReceiveUs: 700 },
    ],
  });
  b.add({ sends: [], windows: [{ channel: 0, receiver: 3, connection: 103, atUs: 500, open: false }], tails: [], receipts: [], messages: [], senderTails: [] });
  return [a.finish({ index: 0, count: 2 }, ROOMS, {}), b.finish({ index: 1, count: 2 }, ROOMS, {})];
}

test('expected deliveries over all slices count every member of every slice, and only inside its windows', () => {
  const merged = mergeLedgers(slices(), channels(false));
  assert.deepEqual(merged.accounts, [
    { metric: 'broadcast', account: { expected: 8, inFlightAtStop: 0, undeliverable: 0 } },
    { metric: 'direct', account: { expected: 1, inFlightAtStop: 0, undeliverable: 0 } },
  ]);
  const [first, second] = slices();
  assert.deepEqual(mergeLedgers([second!, first!], channels(false)).accounts, merged.accounts, 'order of the slices does not matter');
});

test('includeSelf adds each sender as a recipient of its own broadcasts', () => {
  assert.equal(mergeLedgers(slices(), channels(true)).accounts[0]!.account.expected, 8 + 3);
});

test('fan-out completion combines partial fan-outs across slices: complete only when every member got it', () => {
  const merged = mergeLedgers(slices(), channels(false));
  assert.deepEqual(merged.fanouts, [{ metric: 'broadcast', complete: 2, incomplete: 1 }]);
  const summary = summarizeEncoded(merged.fanoutCompletion.get('fanoutCompletion')!.corrected);
  assert.equal(summary.count, 2);
  assert.equal(summary.minUs, 100);
  assert.equal(summary.maxUs, 1000);
});

test("one slice given twice is refused (a connection's window opened twice)", () => {
  const [first] = slices();
  assert.throws(() => mergeLedgers([first!, first!], channels(false)), /already has an open window/);
});

test('a tail in one slice counts its missing messages by cause in the merge, the windows of the other slice alike', () => {
  const [first, second] = slices();
  const log = new LedgerLog();
  // Client 2's connection (slice 0) ended at 620 without a drain, horizon 100: (520, 620] holds client 0's
  // broadcast at 600, which it received (fan-out above): nothing undeliverable. Its direct channel expected
  // the direct at 400, outside (520, 620]: that one had its drain and stays a plain loss if missing.
  log.add({
    sends: [],
    windows: [
      { channel: 0, receiver: 2, connection: 102, atUs: 620, open: false },
      { channel: ROOMS + 1 + 2, receiver: 2, connection: 102, atUs: 620, open: false },
    ],
    tails: [
      { channel: 0, connection: 102, fromUs: 520, toUs: 620, received: 1, cause: 'undeliverable' },
      { channel: ROOMS + 1 + 2, connection: 102, fromUs: 520, toUs: 620, received: 0, cause: 'undeliverable' },
    ],
    receipts: [],
    senderTails: [],
    messages: [],
  });
  const ended = log.finish({ index: 0, count: 2 }, ROOMS, {});
  const withEnd: ShardLedger = {
    ...first!,
    windows: Float64Array.from([...first!.windows, ...ended.windows]),
    tails: ended.tails,
  };
  assert.deepEqual(mergeLedgers([withEnd, second!], channels(false)).accounts[0]!.account, { expected: 8, inFlightAtStop: 0, undeliverable: 0 });
  // Had it received nothing in its tail, the broadcast at 600 would be undeliverable.
  const none = { ...withEnd, tails: Float64Array.from(ended.tails.map((value, i) => (i === 4 ? 0 : value))) };
  assert.deepEqual(mergeLedgers([none, second!], channels(false)).accounts[0]!.account, { expected: 8, inFlightAtStop: 0, undeliverable: 1 });
});

test('per send second over all slices: expected from every slice\'s sends and windows, received from every partial', () => {
  // Seconds start at -999,700 µs, so second 0 holds what was sent before 300 µs and second 1 the rest.
  const merged = mergeLedgers(slices(), channels(false), { originUs: -999_700, seconds: 2 });
  // Broadcast at 200: expected 3, received 1 + 2; at 300: expected 3, received 2 (member 3 never got it);
  // at 600: expected 2, received 1 + 1. The direct at 400 is expected once; no partial says it arrived.
  assert.deepEqual(merged.bySendSecond, [
    { metric: 'broadcast', expected: [3, 5], received: [3, 4] },
    { metric: 'direct', expected: [0, 1], received: [0, 0] },
  ]);
  assert.deepEqual(mergeLedgers(slices(), channels(false)).bySendSecond, []);
});
