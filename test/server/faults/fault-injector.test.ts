import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFaultInjector } from '../../../server/faults/fault-injector.js';
import { startEventLoopStaller } from '../../../server/faults/event-loop-staller.js';
import { NO_FAULTS } from '../../../server/faults/fault-decider.js';
import { createSeededRandom } from '../../../server/seeded-random.js';

test('no injector at all when every fault is off', () => {
  assert.equal(startFaultInjector(NO_FAULTS), undefined);
});

test('unusable options are refused with the option named', () => {
  assert.throws(() => startFaultInjector({ ...NO_FAULTS, replyDelayFraction: 2 }), /faults\.replyDelayFraction/);
});

test('drop fraction 1 drops every forward and sends every ack at once', () => {
  const injector = startFaultInjector({ ...NO_FAULTS, dropBroadcastFraction: 1 });
  assert.ok(injector !== undefined);
  let sent = 0;
  for (let i = 0; i < 5; i += 1) injector.forward(() => (sent += 1));
  assert.equal(sent, 0);
  assert.equal(injector.ack('x'), 'x');
  assert.deepEqual(injector.counts(), { delayed: 0, dropped: 5, stalls: 0 });
  injector.stop();
});

test('delay fraction 1 delays acks and forwards through timers, and stop() cancels what is pending', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const injector = startFaultInjector({ ...NO_FAULTS, replyDelayFraction: 1, replyDelayMs: 50 });
  assert.ok(injector !== undefined);
  let forwarded = 0;
  injector.forward(() => (forwarded += 1));
  const ack = injector.ack({ n: 1 });
  assert.ok(ack instanceof Promise);
  t.mock.timers.tick(49);
  assert.equal(forwarded, 0);
  t.mock.timers.tick(1);
  assert.equal(forwarded, 1);
  assert.deepEqual(await ack, { n: 1 });
  injector.forward(() => (forwarded += 1));
  injector.stop();
  t.mock.timers.tick(100);
  assert.equal(forwarded, 1);
  assert.deepEqual(injector.counts(), { delayed: 3, dropped: 0, stalls: 0 });
  assert.deepEqual(injector.delays(), { ack: { count: 1, valuesUs: [50_000] }, forward: { count: 2, valuesUs: [50_000, 50_000] } });
});

test('the record holds each drawn delay as the whole microseconds asked of the timer, acks apart from forwards', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const options = { ...NO_FAULTS, replyDelayFraction: 1, replyDelayMs: { minMs: 20, maxMs: 60 }, seed: 5 };
  const injector = startFaultInjector(options);
  assert.ok(injector !== undefined);
  // The same draws, made independently: one for the fraction, one for the delay, per reply.
  const random = createSeededRandom(5);
  const expectedUs = (): number => {
    random();
    return Math.round((20 + random() * 40) * 1000);
  };
  const acks = [injector.ack(1), injector.ack(2), injector.ack(3)];
  const ackUs = [expectedUs(), expectedUs(), expectedUs()];
  let forwarded = 0;
  injector.forward(() => (forwarded += 1));
  const forwardUs = [expectedUs()];
  assert.deepEqual(injector.delays(), { ack: { count: 3, valuesUs: ackUs }, forward: { count: 1, valuesUs: forwardUs } });
  // The timer fires at the recorded value, not a microsecond before (mock timers take fractional milliseconds).
  const [first] = ackUs as [number];
  let resolved = false;
  void (acks[0] as Promise<number>).then(() => (resolved = true));
  t.mock.timers.tick(first / 1000 - 0.001);
  await Promise.resolve();
  assert.equal(resolved, false);
  t.mock.timers.tick(0.001);
  await Promise.resolve();
  assert.equal(resolved, true);
  injector.stop();
});

test('the staller busy-waits stallForMs on the injected clock every stallEveryMs', (t) => {
  t.mock.timers.enable({ apis: ['setInterval'] });
  let clockMs = 0;
  let reads = 0;
  // Each read of the clock advances it by 1 ms, so a 3 ms stall reads it exactly 4 times (start + 3 polls).
  const staller = startEventLoopStaller(100, 3, () => {
    reads += 1;
    clockMs += 1;
    return clockMs;
  });
  t.mock.timers.tick(250);
  assert.equal(staller.stallCount, 2);
  assert.equal(reads, 8);
  staller.stop();
  t.mock.timers.tick(1000);
  assert.equal(staller.stallCount, 2);
});
