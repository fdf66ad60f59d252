import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DeliveryLedger } from '../../../loadgen/measure/delivery-ledger.js';
import { SortedTimes } from '../../../loadgen/measure/sorted-times.js';

/** Builds a ledger with `build` once per includeSelf rule and returns expected up to `cutoffUs` for each. */
function expectedBoth(build: (ledger: DeliveryLedger) => void, cutoffUs: number): { excludeSelf: number; includeSelf: number } {
  const exclude = new DeliveryLedger(() => false);
  const include = new DeliveryLedger(() => true);
  build(exclude);
  build(include);
  return { excludeSelf: exclude.account(cutoffUs).expected, includeSelf: include.account(cutoffUs).expected };
}

test('hand-computed room: windows, own sends, cutoff', () => {
  // Connection ids are the receiver's index here: each receiver has one connection.
  const build = (ledger: DeliveryLedger): void => {
    // Room 5: sender 1 at 10, 20, 30, 40; sender 2 at 15, 35.
    ledger.addSends(5, 1, [10, 20, 30, 40]);
    ledger.addSends(5, 2, new Float64Array([15, 35]));
    // Receiver 1 (also a sender) in [0, 100]; receiver 2 in [20, 35]; receiver 3 in [16, 16] (nothing); then [30, open).
    ledger.openWindow(5, 1, 1, 0);
    ledger.closeWindow(5, 1, 100);
    ledger.openWindow(5, 2, 2, 20);
    ledger.closeWindow(5, 2, 35);
    ledger.openWindow(5, 3, 3, 16);
    ledger.closeWindow(5, 3, 16);
    ledger.openWindow(5, 3, 3, 30);
  };
  // Excluding self: receiver 1 gets 15, 35 (2); receiver 2 gets 20, 30 (not its own 35) (2);
  // receiver 3 gets 30, 35, 40 (3). Total 7. Including self: receiver 1 gets all 6; receiver 2 gets 20, 30, 35
  // (3); receiver 3: 3. Total 12.
  assert.deepEqual(expectedBoth(build, 1_000), { excludeSelf: 7, includeSelf: 12 });
  // Cutoff 30, excluding self: receiver 1 gets 15 (1); receiver 2 gets 20, 30 (2); receiver 3 gets 30 (1).
  assert.equal(expectedBoth(build, 30).excludeSelf, 4);
  assert.equal(expectedBoth(build, 5).excludeSelf, 0);
  const ledger = new DeliveryLedger(() => false);
  build(ledger);
  assert.equal(ledger.sends, 6);
  assert.equal(ledger.windowCount, 4);
  // Members of room 5 at 35 for a message of sender 2: receivers 1, 3 (2 is the sender); and at 16: 1, 3.
  assert.equal(ledger.membersAt(5, 2, 35), 2);
  assert.equal(ledger.membersAt(5, 9, 16), 2);
});

test('includeSelf per channel; a channel without sends expects nothing; late sends out of order are sorted', () => {
  const ledger = new DeliveryLedger((channel) => channel === 2);
  ledger.addSends(1, 7, [100, 200]);
  ledger.addSends(1, 8, [50, 150]); // arrives after later times: the channel array must be re-sorted
  ledger.addSends(2, 7, [100]);
  ledger.openWindow(1, 7, 7, 0);
  ledger.openWindow(2, 7, 7, 0);
  ledger.openWindow(3, 7, 7, 0);
  // Channel 1 excludes self: 50, 150 from sender 8 (2). Channel 2 includes self: 100 (1). Channel 3: none.
  assert.equal(ledger.account(1_000).expected, 3);
  assert.equal(ledger.account(120).expected, 2);
  ledger.addSends(1, 8, [60]);
  assert.equal(ledger.account(1_000).expected, 4);
});

test('direct channels: sends to a personal channel count once per window of its owner, one per connection', () => {
  const ledger = new DeliveryLedger(() => false);
  const personal = 1000 + 4;
  ledger.addSends(personal, 1, [10, 20]);
  ledger.addSends(personal, 2, [30]);
  ledger.openWindow(personal, 4, 40, 5);
  ledger.closeWindow(personal, 40, 25);
  ledger.openWindow(personal, 4, 41, 28); // the client reconnected: a new connection
  assert.equal(ledger.account(100).expected, 3);
});

test('tails: the missing messages of a window that ended without a drain are counted by cause, not as lost', () => {
  const ledger = new DeliveryLedger(() => false);
  ledger.addSends(0, 1, [100, 200, 300, 400, 500]);
  ledger.addSends(0, 2, [450]); // the receiver's own message: never expected
  ledger.openWindow(0, 2, 20, 50);
  ledger.closeWindow(0, 20, 460);
  // Ended at 460 with a horizon of 200: of the expected 300 and 400 in (260, 460], 1 arrived.
  ledger.addTail({ channel: 0, connection: 20, fromUs: 260, toUs: 460, received: 1, cause: 'undeliverable' });
  assert.deepEqual(ledger.account(Number.POSITIVE_INFINITY), { expected: 4, inFlightAtStop: 0, undeliverable: 1 });
  // A tail counts only once its window's end is within the cutoff.
  assert.deepEqual(ledger.account(400), { expected: 4, inFlightAtStop: 0, undeliverable: 0 });
  ledger.openWindow(0, 3, 30, 0);
  ledger.closeWindow(0, 30, 500);
  ledger.addTail({ channel: 0, connection: 30, fromUs: 0, toUs: 500, received: 2, cause: 'inFlightAtStop' });
  // A tail reaching before the window's start counts from the start, bounds included: 6 expected, 2 arrived.
  assert.deepEqual(ledger.account(Number.POSITIVE_INFINITY), { expected: 10, inFlightAtStop: 4, undeliverable: 1 });
  assert.throws(() => ledger.addTail({ channel: 0, connection: 30, fromUs: 0, toUs: 500, received: 0, cause: 'inFlightAtStop' }), /has a tail already/);
  assert.throws(() => ledger.addTail({ channel: 0, connection: 31, fromUs: 0, toUs: 500, received: 0, cause: 'inFlightAtStop' }), /no window/);
});

test('window misuse throws', () => {
  const ledger = new DeliveryLedger(() => false);
  ledger.openWindow(1, 1, 1, 10);
  assert.throws(() => ledger.openWindow(1, 1, 1, 20), /already has an open window/);
  assert.throws(() => ledger.closeWindow(1, 2, 20), /no open window/);
  assert.throws(() => ledger.closeWindow(1, 1, 5), /before the window's startUs/);
});

test('ledger equals a brute-force count over connections, windows and tails', () => {
  const send = fc.record({ channel: fc.integer({ min: 0, max: 2 }), sender: fc.integer({ min: 0, max: 3 }), sentUs: fc.integer({ min: 0, max: 100 }) });
  const window = fc.record({
    channel: fc.integer({ min: 0, max: 2 }),
    receiver: fc.integer({ min: 0, max: 3 }),
    connection: fc.integer({ min: 0, max: 5 }),
    startUs: fc.integer({ min: 0, max: 100 }),
    lengthUs: fc.integer({ min: 0, max: 100 }),
    tail: fc.option(fc.record({ spanUs: fc.integer({ min: 0, max: 120 }), received: fc.integer({ min: 0, max: 3 }) })),
  });
  fc.assert(
    fc.property(fc.array(send, { maxLength: 60 }), fc.array(window, { maxLength: 12 }), fc.integer({ min: 0, max: 240 }), (sends, windows, cutoffUs) => {
      const includeSelfChannel = (channel: number): boolean => channel === 0;
      const ledger = new DeliveryLedger(includeSelfChannel);
      for (const s of sends) ledger.addSends(s.channel, s.sender, [s.sentUs]);
      const used: typeof windows = [];
      for (const w of windows) {
        // One window per (channel, connection) here, a connection belonging to one receiver.
        if (used.some((u) => u.connection === w.connection && (u.channel === w.channel || u.receiver !== w.receiver))) continue;
        used.push(w);
        const endUs = w.startUs + w.lengthUs;
        ledger.openWindow(w.channel, w.receiver, w.connection, w.startUs);
        ledger.closeWindow(w.channel, w.connection, endUs);
        if (w.tail) ledger.addTail({ channel: w.channel, connection: w.connection, fromUs: endUs - w.tail.spanUs, toUs: endUs, received: w.tail.received, cause: 'undeliverable' });
      }
      let expected = 0;
      let undeliverable = 0;
      for (const w of used) {
        const endUs = w.startUs + w.lengthUs;
        let inTail = 0;
        for (const s of sends) {
          if (s.channel !== w.channel || (s.sender === w.receiver && !includeSelfChannel(s.channel))) continue;
          if (s.sentUs < w.startUs || s.sentUs > endUs) continue;
          if (s.sentUs <= cutoffUs) expected++;
          if (w.tail && s.sentUs > endUs - w.tail.spanUs) inTail++;
        }
        if (w.tail && endUs <= cutoffUs) undeliverable += Math.max(0, inTail - w.tail.received);
      }
      assert.deepEqual(ledger.account(cutoffUs), { expected, inFlightAtStop: 0, undeliverable });
    }),
    { numRuns: 300 },
  );
});

test('SortedTimes counts ranges inclusively and survives growth and unsorted appends', () => {
  const times = new SortedTimes();
  const values: number[] = [];
  for (let i = 0; i < 100; i++) values.push((i * 37) % 101);
  times.append(values.slice(0, 50));
  times.append(values.slice(50));
  assert.equal(times.length, 100);
  assert.equal(times.countInRange(0, 100), 100);
  assert.equal(times.countInRange(10, 19), values.filter((v) => v >= 10 && v <= 19).length);
  assert.equal(times.countInRange(20, 10), 0);
  assert.equal(new SortedTimes().countInRange(0, 10), 0);
});

test('SortedTimes counts half-open ranges (from, to]', () => {
  const times = new SortedTimes();
  times.append([5, 1, 3, 3, 9]);
  assert.equal(times.countAboveUpTo(3, 9), 2);
  assert.equal(times.countAboveUpTo(0, 3), 3);
  assert.equal(times.countAboveUpTo(9, 9), 0);
  assert.equal(times.countAboveUpTo(10, 2), 0);
});

test('expected by send second: hand-computed buckets, own sends left out, early and late sends clamped', () => {
  const s = 1_000_000;
  const ledger = new DeliveryLedger(() => false);
  // Channel 1, origin 10 s: sender 1 at 9.5 s (before the origin), 10.2, 11.0 (second 1's first µs), 11.5, 12.9,
  // 14.1 (after the last of 3 seconds); sender 2 at 10.7 and 12.0.
  ledger.addSends(1, 1, [9.5 * s, 10.2 * s, 11 * s, 11.5 * s, 12.9 * s, 14.1 * s]);
  ledger.addSends(1, 2, [10.7 * s, 12 * s]);
  // Receiver 2: [10.5 s, open): from 11.0 on (not its own 10.7 and 12.0). Receiver 3: [10.2 s, 11.0 s], both bounds in.
  // Receiver 1: [0, 12.0 s]: everything of sender 2 up to then (10.7, 12.0), none of its own.
  ledger.openWindow(1, 2, 2, 10.5 * s);
  ledger.openWindow(1, 3, 3, 10.2 * s);
  ledger.closeWindow(1, 3, 11 * s);
  ledger.openWindow(1, 1, 1, 0);
  ledger.closeWindow(1, 1, 12 * s);
  // Second 0 [10, 11): receiver 3 gets 10.2, 10.7; receiver 1 gets 10.7 -> 3.
  // Second 1 [11, 12): receiver 2 gets 11.0, 11.5; receiver 3 gets 11.0 -> 3.
  // Second 2 [12, ...): receiver 2 gets 12.9, 14.1; receiver 1 gets 12.0 -> 3.
  assert.deepEqual(ledger.expectedBySendSecond(10 * s, 3), [3, 3, 3]);
  assert.equal(ledger.account(Number.POSITIVE_INFINITY).expected, 9);
  // One second holds everything (the 9.5 s send is expected nowhere: it is receiver 1's own).
  assert.deepEqual(ledger.expectedBySendSecond(10 * s, 1), [9]);
  assert.deepEqual(ledger.expectedBySendSecond(10 * s, 0), []);
});

test('expected by send second agrees with account() differences at every second boundary', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ channel: fc.integer({ min: 0, max: 2 }), sender: fc.integer({ min: 0, max: 3 }), sentUs: fc.integer({ min: 0, max: 6_000 }) }), { maxLength: 40 }),
      fc.array(fc.record({ channel: fc.integer({ min: 0, max: 2 }), receiver: fc.integer({ min: 0, max: 3 }), fromUs: fc.integer({ min: 0, max: 6_000 }), lengthUs: fc.integer({ min: 0, max: 4_000 }), open: fc.boolean() }), { maxLength: 12 }),
      fc.boolean(),
      (sends, windows, includeSelf) => {
        const ledger = new DeliveryLedger(() => includeSelf);
        for (const send of sends) ledger.addSends(send.channel, send.sender, [send.sentUs * 1000]);
        windows.forEach((window, connection) => {
          ledger.openWindow(window.channel, window.receiver, connection, window.fromUs * 1000);
          if (!window.open) ledger.closeWindow(window.channel, connection, (window.fromUs + window.lengthUs) * 1000);
        });
        // Send times are whole ms, so "sent before the boundary" is account(boundary - 1 µs).
        const seconds = 5;
        const upTo = (k: number): number => (k >= seconds ? ledger.account(Number.POSITIVE_INFINITY).expected : ledger.account(k * 1_000_000 - 1).expected);
        const oracle = Array.from({ length: seconds }, (_, k) => (k === 0 ? upTo(1) : upTo(k + 1) - upTo(k)));
        assert.deepEqual(ledger.expectedBySendSecond(0, seconds), oracle);
      },
    ),
  );
});
