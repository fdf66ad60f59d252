/** Reconnect attempts after a loss: attempts counted by hand against maxAttempts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LostClients } from '../../../loadgen/engine/lost-clients.js';

test('a lost client has maxAttempts attempts, then is given up and forgotten', () => {
  const lost = new LostClients(2);
  lost.lose(7, 1_000);
  assert.equal(lost.lostAt(7), 1_000);
  assert.equal(lost.takeAttempt(7), true);
  assert.equal(lost.takeAttempt(7), true);
  assert.equal(lost.takeAttempt(7), false);
  assert.equal(lost.lostAt(7), undefined);
});

test('a new loss starts the attempts again; clients are counted apart', () => {
  const lost = new LostClients(1);
  lost.lose(1, 10);
  lost.lose(2, 20);
  assert.equal(lost.takeAttempt(1), true);
  lost.lose(1, 30);
  assert.equal(lost.lostAt(1), 30);
  assert.equal(lost.takeAttempt(1), true);
  assert.equal(lost.takeAttempt(2), true);
  assert.equal(lost.takeAttempt(2), false);
  assert.equal(lost.lostAt(1), 30);
});

test('a forgotten client is not lost; without a policy (0 attempts) none is ever retried', () => {
  const lost = new LostClients(0);
  assert.equal(lost.lostAt(3), undefined);
  lost.lose(3, 5);
  lost.forget(3);
  assert.equal(lost.lostAt(3), undefined);
  lost.lose(4, 5);
  assert.equal(lost.takeAttempt(4), false);
});
