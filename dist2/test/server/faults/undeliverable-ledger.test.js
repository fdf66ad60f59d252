import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyUndeliverable, UNDELIVERABLE_AMBIGUITY_US, UNDELIVERABLE_FORGET_AFTER_US, UndeliverableLedger, } from '../../../server/faults/undeliverable-ledger.js';
const MS = 1000;
test('classification: before the join not expected; near the join or just after the disconnect ambiguous; else certain', () => {
    const joinedUs = 100 * MS;
    const disconnectedUs = 1000 * MS;
    const classify = (sentUs) => classifyUndeliverable(sentUs, joinedUs, disconnectedUs, 50 * MS, 70 * MS);
    assert.deepEqual([99_999, 100_000, 169_999, 170_000, 999_999, 1_000_000, 1_000_001, 1_050_000, 1_050_001].map(classify), ['not-expected', 'ambiguous', 'ambiguous', 'certain', 'certain', 'certain', 'ambiguous', 'ambiguous', 'not-expected']);
});
test('broadcasts count once per disconnected member of the room, the sender left out unless includeSelf', () => {
    let nowUs = 0;
    const ledger = new UndeliverableLedger({ nowUs: () => nowUs });
    // a and b were in room r since t = 0 (and in their own rooms); c was in room s only. All disconnected at 1 s.
    ledger.recordDisconnect('a', new Map([['a', 0], ['r', 0]]), 1000 * MS);
    ledger.recordDisconnect('b', new Map([['b', 0], ['r', 0], ['client:1', 0]]), 1000 * MS);
    ledger.recordDisconnect('c', new Map([['s', 0]]), 1001 * MS);
    nowUs = 1002 * MS;
    ledger.countBroadcast('r', 900 * MS, 'x', false); // certain at a and b
    ledger.countBroadcast('r', 1020 * MS, 'x', false); // ambiguous at a and b
    ledger.countBroadcast('r', 1060 * MS, 'x', false); // after the window: nothing
    ledger.countBroadcast('r', 900 * MS, 'a', false); // a's own: only b
    ledger.countBroadcast('r', 900 * MS, 'a', true); // a's own with includeSelf: a and b
    ledger.countBroadcast('nobody', 900 * MS, 'x', false);
    ledger.countBroadcast('s', 1001 * MS, 'x', true); // certain at c (sent exactly at its disconnect)
    ledger.countDirect('client:1', 10 * MS); // within 50 ms of b's connect: ambiguous
    ledger.countDirect('client:1', 999 * MS); // certain
    ledger.countDirect('b', 1040 * MS); // by sid: ambiguous
    ledger.countDirect('client:9', 999 * MS);
    assert.deepEqual(ledger.counts(), { broadcastsCertain: 2 + 1 + 2 + 1, broadcastsAmbiguous: 2, directsCertain: 1, directsAmbiguous: 2 });
});
test('a disconnected client is forgotten once forgetAfterUs has passed, and only then', () => {
    let nowUs = 0;
    const ledger = new UndeliverableLedger({ nowUs: () => nowUs });
    assert.equal(UNDELIVERABLE_AMBIGUITY_US, 50_000);
    assert.equal(UNDELIVERABLE_FORGET_AFTER_US, 10_050_000);
    ledger.recordDisconnect('a', new Map([['r', 0]]), 1000 * MS);
    ledger.recordDisconnect('b', new Map([['r', 0]]), 2000 * MS);
    nowUs = 1000 * MS + UNDELIVERABLE_FORGET_AFTER_US;
    ledger.countBroadcast('r', 500 * MS, 'x', false);
    assert.equal(ledger.rememberedDisconnects, 2);
    assert.equal(ledger.counts().broadcastsCertain, 2);
    nowUs += 1;
    ledger.countBroadcast('r', 500 * MS, 'x', false);
    assert.equal(ledger.rememberedDisconnects, 1, 'a is forgotten');
    assert.equal(ledger.counts().broadcastsCertain, 3);
    nowUs = 2000 * MS + UNDELIVERABLE_FORGET_AFTER_US + 1;
    ledger.countDirect('r', 500 * MS);
    assert.equal(ledger.rememberedDisconnects, 0);
    assert.equal(ledger.counts().directsCertain, 0);
});
test('memory stays bounded under repeated disconnects', () => {
    let nowUs = 0;
    const ledger = new UndeliverableLedger({ nowUs: () => nowUs, forgetAfterUs: 100 * MS });
    for (let i = 0; i < 10_000; i += 1) {
        nowUs = i * MS;
        ledger.recordDisconnect(`s${i}`, new Map([['r', nowUs], [`s${i}`, nowUs]]), nowUs);
    }
    assert.equal(ledger.rememberedDisconnects, 101);
});
test('disconnect times must not go back', () => {
    const ledger = new UndeliverableLedger({ nowUs: () => 0 });
    ledger.recordDisconnect('a', new Map(), 10);
    assert.throws(() => ledger.recordDisconnect('b', new Map(), 9), /disconnectedUs must not go back/);
});
//# sourceMappingURL=undeliverable-ledger.test.js.map