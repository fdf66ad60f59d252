import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DeliveryLedger } from '../../../loadgen/measure/delivery-ledger.js';
import { ReceiverWindows } from '../../../loadgen/measure/receiver-windows.js';
import { SortedTimes } from '../../../loadgen/measure/sorted-times.js';

const excludeSelf = { includeSelf: () => false };
const includeSelf = { includeSelf: () => true };

test('hand-computed room: windows, own sends, cutoff', () => {
  const ledger = new DeliveryLedger();
  // Room 5: sender 1 at 10, 20, 30, 40; sender 2 at 15, 35.
  ledger.addSends(5, 1, [10, 20, 30, 40]);
  ledger.addSends(5, 2, new Float64Array([15, 35]));
  // Receiver 1 (also a sender) in [0, 100]; receiver 2 in [20, 35]; receiver 3 in [16, 16] (nothing); then [30, open).
  ledger.openWindow(5, 1, 0);
  ledger.closeWindow(5, 1, 100);
  ledger.openWindow(5, 2, 20);
  ledger.closeWindow(5, 2, 35);
  ledger.openWindow(5, 3, 16);
  ledger.closeWindow(5, 3, 16);
  ledger.openWindow(5, 3, 30);
  // Excluding self: receiver 1 gets 15, 35 (2); receiver 2 gets 20, 30 (not its own 35) (2);
  // receiver 3 gets 30, 35, 40 (3). Total 7.
  assert.equal(ledger.expectedUpTo(1_000, excludeSelf), 7);
  // Including self: receiver 1 gets all 6; receiver 2 gets 20, 30, 35 (3); receiver 3: 3. Total 12.
  assert.equal(ledger.expectedUpTo(1_000, includeSelf), 12);
  // Cutoff 30, excluding self: receiver 1 gets 15 (1); receiver 2 gets 20, 30 (2); receiver 3 gets 30 (1).
  assert.equal(ledger.expectedUpTo(30, excludeSelf), 4);
  assert.equal(ledger.expectedUpTo(5, excludeSelf), 0);
  assert.equal(ledger.sends, 6);
  assert.equal(ledger.windowCount, 4);
});

test('includeSelf per channel; a channel without sends expects nothing; late sends out of order are sorted', () => {
  const ledger = new DeliveryLedger();
  ledger.addSends(1, 7, [100, 200]);
  ledger.addSends(1, 8, [50, 150]); // arrives after later times: the channel array must be re-sorted
  ledger.addSends(2, 7, [100]);
  ledger.openWindow(1, 7, 0);
  ledger.openWindow(2, 7, 0);
  ledger.openWindow(3, 7, 0);
  const options = { includeSelf: (channel: number) => channel === 2 };
  // Channel 1 excludes self: 50, 150 from sender 8 (2). Channel 2 includes self: 100 (1). Channel 3: none.
  assert.equal(ledger.expectedUpTo(1_000, options), 3);
  assert.equal(ledger.expectedUpTo(120, options), 2);
  ledger.addSends(1, 8, [60]);
  assert.equal(ledger.expectedUpTo(1_000, options), 4);
});

test('direct channels: sends to a personal channel count once per window of its owner', () => {
  const ledger = new DeliveryLedger();
  const personal = 1000 + 4;
  ledger.addSends(personal, 1, [10, 20]);
  ledger.addSends(personal, 2, [30]);
  ledger.openWindow(personal, 4, 5);
  ledger.closeWindow(personal, 4, 25);
  ledger.openWindow(personal, 4, 28);
  assert.equal(ledger.expectedUpTo(100, excludeSelf), 3);
});

test('window misuse throws', () => {
  const ledger = new DeliveryLedger();
  ledger.openWindow(1, 1, 10);
  assert.throws(() => ledger.openWindow(1, 1, 20), /already has an open window/);
  assert.throws(() => ledger.closeWindow(1, 2, 20), /no open window/);
  assert.throws(() => ledger.closeWindow(1, 1, 5), /before the window's startUs/);
});

test('ledger equals a brute-force count', () => {
  const send = fc.record({ channel: fc.integer({ min: 0, max: 2 }), sender: fc.integer({ min: 0, max: 3 }), sentUs: fc.integer({ min: 0, max: 100 }) });
  const window = fc.record({ channel: fc.integer({ min: 0, max: 2 }), receiver: fc.integer({ min: 0, max: 3 }), startUs: fc.integer({ min: 0, max: 100 }), lengthUs: fc.integer({ min: 0, max: 100 }) });
  fc.assert(
    fc.property(fc.array(send, { maxLength: 60 }), fc.array(window, { maxLength: 12 }), fc.integer({ min: 0, max: 120 }), (sends, windows, cutoffUs) => {
      const ledger = new DeliveryLedger();
      for (const s of sends) ledger.addSends(s.channel, s.sender, [s.sentUs]);
      const receiverWindows = new Map<number, ReceiverWindows>();
      const used: typeof windows = [];
      for (const w of windows) {
        // One window at a time per (channel, receiver): skip overlapping ones.
        if (used.some((u) => u.channel === w.channel && u.receiver === w.receiver)) continue;
        used.push(w);
        ledger.openWindow(w.channel, w.receiver, w.startUs);
        ledger.closeWindow(w.channel, w.receiver, w.startUs + w.lengthUs);
        let rw = receiverWindows.get(w.receiver);
        if (rw === undefined) receiverWindows.set(w.receiver, (rw = new ReceiverWindows()));
        rw.open(w.channel, w.startUs);
        rw.close(w.channel, w.startUs + w.lengthUs);
      }
      const includeSelfChannel = (channel: number) => channel === 0;
      let brute = 0;
      let byWorkerRule = 0;
      for (const w of used) {
        for (const s of sends) {
          if (s.channel !== w.channel || s.sentUs > cutoffUs) continue;
          if (s.sender === w.receiver && !includeSelfChannel(s.channel)) continue;
          if (s.sentUs >= w.startUs && s.sentUs <= w.startUs + w.lengthUs) brute++;
        }
      }
      // The worker's own rule (ReceiverWindows.contains) counts the same deliveries.
      for (const [receiver, rw] of receiverWindows) {
        for (const s of sends) {
          if (s.sentUs > cutoffUs || (s.sender === receiver && !includeSelfChannel(s.channel))) continue;
          if (rw.contains(s.channel, s.sentUs)) byWorkerRule++;
        }
      }
      assert.equal(ledger.expectedUpTo(cutoffUs, { includeSelf: includeSelfChannel }), brute);
      assert.equal(byWorkerRule, brute);
    }),
    { numRuns: 200 },
  );
});

test('ReceiverWindows: contains, reopen, misuse', () => {
  const windows = new ReceiverWindows();
  assert.equal(windows.contains(1, 5), false);
  windows.open(1, 10);
  assert.equal(windows.isOpen(1), true);
  assert.equal(windows.contains(1, 9), false);
  assert.equal(windows.contains(1, 10), true);
  assert.equal(windows.contains(1, 1e12), true);
  assert.throws(() => windows.open(1, 11), /already open/);
  windows.close(1, 20);
  assert.equal(windows.isOpen(1), false);
  assert.equal(windows.contains(1, 20), true);
  assert.equal(windows.contains(1, 21), false);
  assert.throws(() => windows.close(1, 30), /no window is open/);
  windows.open(1, 30);
  assert.throws(() => windows.close(1, 29), /before the window's startUs/);
  windows.close(1, 40);
  assert.equal(windows.contains(1, 25), false);
  assert.equal(windows.contains(1, 35), true);
  assert.equal(windows.contains(1, 15), true);
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
