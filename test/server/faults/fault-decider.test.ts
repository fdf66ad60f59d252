import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFaultDecider, NO_FAULTS, type FaultDecision } from '../../../server/faults/fault-decider.js';
import { createSeededRandom, type RandomSource } from '../../../server/seeded-random.js';
import type { FaultOptions } from '../../../server/types.js';

/** A random source that returns the given values in order, then fails the test if asked for more. */
function scripted(values: readonly number[]): RandomSource {
  let index = 0;
  return () => {
    const value = values[index];
    index += 1;
    if (value === undefined) throw new Error('random source exhausted');
    return value;
  };
}

function counts(decisions: readonly FaultDecision[]): Record<FaultDecision['kind'], number> {
  const result = { send: 0, delay: 0, drop: 0 };
  for (const decision of decisions) result[decision.kind] += 1;
  return result;
}

test('seeded random: the same seed gives the same sequence, another seed another one, all in [0, 1)', () => {
  const a = createSeededRandom(42);
  const b = createSeededRandom(42);
  const c = createSeededRandom(43);
  const seqA = Array.from({ length: 1000 }, () => a());
  const seqB = Array.from({ length: 1000 }, () => b());
  const seqC = Array.from({ length: 1000 }, () => c());
  assert.deepEqual(seqA, seqB);
  assert.notDeepEqual(seqA, seqC);
  assert.ok(seqA.every((x) => x >= 0 && x < 1));
});

test('ack delays: exactly the draws below the fraction are delayed, by the fixed time', () => {
  const options: FaultOptions = { ...NO_FAULTS, replyDelayFraction: 0.5, replyDelayMs: 20 };
  const decider = createFaultDecider(options, scripted([0.1, 0.6, 0.49, 0.5, 0.99, 0]));
  const decisions = Array.from({ length: 6 }, () => decider.decide('ack'));
  assert.deepEqual(
    decisions.map((d) => d.kind),
    ['delay', 'send', 'delay', 'send', 'send', 'delay'],
  );
  assert.deepEqual(decisions[0], { kind: 'delay', delayMs: 20 });
});

test('a delay range draws uniformly from [minMs, maxMs] with a second draw', () => {
  const options: FaultOptions = { ...NO_FAULTS, replyDelayFraction: 1, replyDelayMs: { minMs: 10, maxMs: 30 } };
  const decider = createFaultDecider(options, scripted([0.3, 0.25, 0.9, 0.5]));
  assert.deepEqual(decider.decide('ack'), { kind: 'delay', delayMs: 15 });
  assert.deepEqual(decider.decide('ack'), { kind: 'delay', delayMs: 20 });
});

test('forwards: drop is decided first, then delay; acks are never dropped', () => {
  const options: FaultOptions = { ...NO_FAULTS, replyDelayFraction: 0.5, replyDelayMs: 5, dropBroadcastFraction: 0.25 };
  // forward: 0.1 < 0.25 → drop (one draw). forward: 0.3 keeps, 0.2 < 0.5 → delay. forward: 0.3 keeps, 0.7 → send.
  // ack: 0.1 < 0.5 → delay (the drop fraction is not consulted for acks).
  const decider = createFaultDecider(options, scripted([0.1, 0.3, 0.2, 0.3, 0.7, 0.1]));
  assert.deepEqual(decider.decide('forward'), { kind: 'drop' });
  assert.deepEqual(decider.decide('forward'), { kind: 'delay', delayMs: 5 });
  assert.deepEqual(decider.decide('forward'), { kind: 'send' });
  assert.deepEqual(decider.decide('ack'), { kind: 'delay', delayMs: 5 });
});

test('with every fault off the decider never draws and always sends', () => {
  const decider = createFaultDecider(NO_FAULTS, scripted([]));
  const decisions = [decider.decide('ack'), decider.decide('forward')];
  assert.deepEqual(counts(decisions), { send: 2, delay: 0, drop: 0 });
});

test('a seeded decider makes the same decisions on every run, matching a count made from the same draws', () => {
  const options: FaultOptions = { ...NO_FAULTS, replyDelayFraction: 0.1, replyDelayMs: 3, dropBroadcastFraction: 0.2, seed: 7 };
  const run = () => {
    const decider = createFaultDecider(options, createSeededRandom(options.seed));
    return Array.from({ length: 10_000 }, () => decider.decide('forward'));
  };
  const first = run();
  assert.deepEqual(run(), first);
  // The expected counts, computed independently from the same generator's draws.
  const random = createSeededRandom(7);
  const expected = { send: 0, delay: 0, drop: 0 };
  for (let i = 0; i < 10_000; i += 1) {
    if (random() < 0.2) expected.drop += 1;
    else if (random() < 0.1) expected.delay += 1;
    else expected.send += 1;
  }
  assert.deepEqual(counts(first), expected);
  // And they are near the configured fractions (10 000 draws: well inside ±2%).
  assert.ok(Math.abs(expected.drop / 10_000 - 0.2) < 0.02, `drop share ${expected.drop}`);
  assert.ok(Math.abs(expected.delay / 10_000 - 0.08) < 0.02, `delay share ${expected.delay}`);
});
