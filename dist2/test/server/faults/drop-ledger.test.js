import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyDroppedDelivery, DROP_AMBIGUITY_US, DropLedger } from '../../../server/faults/drop-ledger.js';
const MS = 1000;
const DRAIN_US = 2000 * MS;
/** A ledger with a 2 s client drain and the default 50 ms ambiguity, on a clock the test sets. */
function ledgerAt() {
    let nowUs = 0;
    const ledger = new DropLedger({ nowUs: () => nowUs, clientDrainUs: DRAIN_US });
    return { ledger, at: (ms) => (nowUs = ms * MS) };
}
function counts(partial) {
    return {
        broadcastsCertain: 0,
        broadcastsAmbiguous: 0,
        broadcastsNotExpected: 0,
        directsCertain: 0,
        directsAmbiguous: 0,
        directsNotExpected: 0,
        unsettledDeliveries: 0,
        ...partial,
    };
}
test('classification: the window [J + a, close] with transits a, b in [0, 50 ms]', () => {
    assert.equal(DROP_AMBIGUITY_US, 50 * MS);
    const joinUs = 1000 * MS;
    const classify = (sentUs, end) => classifyDroppedDelivery(sentUs, joinUs, end, DRAIN_US, DROP_AMBIGUITY_US);
    // Ended by the client's leave handled at E = 10 s: the client closed its window at E − 2 s − b, b in [0, 50 ms].
    const leftAt10s = { kind: 'client', endedUs: 10_000 * MS };
    assert.deepEqual([999_999, 1_000_000, 1_049_999, 1_050_000, 7_950_000, 7_950_001, 8_000_000, 8_000_001].map((s) => classify(s, leftAt10s)), ['not-expected', 'ambiguous', 'ambiguous', 'certain', 'certain', 'ambiguous', 'ambiguous', 'not-expected']);
    // Ended by the server at E = 10 s: no drain, the client learns of it up to 50 ms later.
    const droppedAt10s = { kind: 'server', endedUs: 10_000 * MS };
    assert.deepEqual([1_049_999, 1_050_000, 10_000_000, 10_000_001, 10_050_000, 10_050_001].map((s) => classify(s, droppedAt10s)), ['ambiguous', 'certain', 'certain', 'ambiguous', 'ambiguous', 'not-expected']);
    // Still open: only the start can make it ambiguous or not expected.
    assert.deepEqual([999_999, 1_049_999, 1_050_000, 99_000_000].map((s) => classify(s, { kind: 'open' })), ['not-expected', 'ambiguous', 'certain', 'certain']);
    // A leave within the drain of the join: the client's window was empty.
    assert.equal(classifyDroppedDelivery(1_100_000, joinUs, { kind: 'client', endedUs: 2_500_000 }, DRAIN_US, DROP_AMBIGUITY_US), 'not-expected');
});
test('join, drop, leave with drain: a member that was already draining does not count', () => {
    const { ledger, at } = ledgerAt();
    at(100);
    ledger.joinAcknowledged('a', 'r');
    ledger.joinAcknowledged('b', 'r');
    at(5000);
    ledger.broadcastDropped(['a', 'b'], 'r', 4990 * MS);
    // Both open: provisionally certain, and unsettled.
    assert.deepEqual(ledger.counts(), counts({ broadcastsCertain: 2, unsettledDeliveries: 2 }));
    // a's leave is handled at 6 s: it decided at 4 s at the latest, so the send at 4.99 s was after its window closed.
    at(6000);
    ledger.ended('a', 'r', 'client');
    assert.deepEqual(ledger.counts(), counts({ broadcastsCertain: 1, broadcastsNotExpected: 1, unsettledDeliveries: 1 }));
    // b's delivery is final 2 s + 50 ms after the drop: any leave of b is handled after now, so it decided after 4.99 s + 50 ms.
    at(7049);
    assert.equal(ledger.counts().unsettledDeliveries, 1);
    at(7050);
    assert.deepEqual(ledger.counts(), counts({ broadcastsCertain: 1, broadcastsNotExpected: 1 }));
    assert.deepEqual(ledger.remembered, { memberships: 1, pendingDeliveries: 0 });
    // A send 1.95 s before b's leave is handled is within the ambiguity of its decision (E − 2 s − b); 2.05 s before is certain.
    at(9000);
    ledger.directDropped(['b'], 'r', 7960 * MS);
    ledger.directDropped(['b'], 'r', 7940 * MS);
    at(10_000);
    ledger.ended('b', 'r', 'client');
    assert.deepEqual(ledger.counts(), counts({ broadcastsCertain: 1, broadcastsNotExpected: 1, directsCertain: 1, directsAmbiguous: 1 }));
    assert.deepEqual(ledger.remembered, { memberships: 0, pendingDeliveries: 0 });
});
test('drop before the ack: not expected; within 50 ms after it: ambiguous; a delayed ack counts from when it is sent', () => {
    const { ledger, at } = ledgerAt();
    // c entered the room at 1 s, but its (delayed) ack goes out only at 1.2 s.
    at(1100);
    ledger.broadcastDropped(['c'], 'r', 1090 * MS);
    assert.deepEqual(ledger.counts(), counts({ broadcastsNotExpected: 1 }), 'sent before any ack could go out: final at once');
    at(1200);
    ledger.joinAcknowledged('c', 'r');
    at(1230);
    ledger.broadcastDropped(['c'], 'r', 1220 * MS); // 20 ms after J
    ledger.broadcastDropped(['c'], 'r', 1195 * MS); // before J: handled after the ack, sent before it
    at(1300);
    ledger.broadcastDropped(['c'], 'r', 1290 * MS); // 90 ms after J
    // A second ack (a repeated join) does not move J: the client's window opened at the first.
    at(1400);
    ledger.joinAcknowledged('c', 'r');
    assert.deepEqual(ledger.counts(), counts({ broadcastsCertain: 1, broadcastsAmbiguous: 1, broadcastsNotExpected: 2, unsettledDeliveries: 3 }));
    // c disconnects itself at 9 s (after its drain: it decided at 7 s at the latest): all three are final as they were.
    at(9000);
    ledger.endedAll('c', 'client');
    assert.deepEqual(ledger.counts(), counts({ broadcastsCertain: 1, broadcastsAmbiguous: 1, broadcastsNotExpected: 2 }));
});
test('a membership whose ack never went out expected nothing', () => {
    const { ledger, at } = ledgerAt();
    at(1000);
    // A send time later than its drop (only a lying client has one) cannot be placed against the coming ack.
    ledger.directDropped(['d'], 'client:4', 1500 * MS);
    assert.deepEqual(ledger.counts(), counts({ directsAmbiguous: 1, unsettledDeliveries: 1 }));
    at(1100);
    ledger.endedAll('d', 'server');
    assert.deepEqual(ledger.counts(), counts({ directsNotExpected: 1 }));
});
test('disconnect by the server: no drain, so what was sent up to the disconnect was expected', () => {
    const { ledger, at } = ledgerAt();
    at(0);
    ledger.joinAcknowledged('e', 'client:5'); // its connect
    ledger.joinAcknowledged('e', 'e');
    ledger.joinAcknowledged('e', 'r');
    at(3000);
    ledger.directDropped(['e'], 'client:5', 2990 * MS);
    ledger.directDropped(['e'], 'e', 30 * MS); // 30 ms after the connect
    ledger.broadcastDropped(['e'], 'r', 2995 * MS);
    at(3010);
    ledger.endedAll('e', 'server');
    // With a client's own disconnect at the same time, the first and third would not be expected (sent within the drain).
    assert.deepEqual(ledger.counts(), counts({ directsCertain: 1, directsAmbiguous: 1, broadcastsCertain: 1 }));
    assert.deepEqual(ledger.remembered, { memberships: 0, pendingDeliveries: 0 });
    // Leaves and disconnects of memberships the ledger never saw change nothing.
    ledger.ended('e', 'r', 'client');
    ledger.endedAll('nobody', 'server');
    assert.deepEqual(ledger.counts(), counts({ directsCertain: 1, directsAmbiguous: 1, broadcastsCertain: 1 }));
});
test('a later join of the same room is a new membership', () => {
    const { ledger, at } = ledgerAt();
    at(0);
    ledger.joinAcknowledged('f', 'r');
    at(5000);
    ledger.ended('f', 'r', 'client');
    at(5100);
    ledger.broadcastDropped(['f'], 'r', 5090 * MS); // re-entered, ack not yet sent
    at(5200);
    ledger.joinAcknowledged('f', 'r');
    at(8000);
    ledger.broadcastDropped(['f'], 'r', 7990 * MS);
    at(20_000);
    assert.deepEqual(ledger.counts(), counts({ broadcastsCertain: 1, broadcastsNotExpected: 1 }));
});
test('memory stays bounded: pending deliveries of an open membership are forgotten clientDrain + 50 ms after their drop', () => {
    const { ledger, at } = ledgerAt();
    at(0);
    for (const sid of ['a', 'b', 'c'])
        ledger.joinAcknowledged(sid, 'r');
    // One drop every ms for 60 s, to three members that stay.
    for (let ms = 1; ms <= 60_000; ms += 1) {
        at(ms);
        ledger.broadcastDropped(['a', 'b', 'c'], 'r', ms * MS);
    }
    // Pending: the drops of the last 2.05 s (after 57 950 ms: the one at 57 950 settled at 60 000), 3 deliveries each.
    assert.deepEqual(ledger.remembered, { memberships: 3, pendingDeliveries: 3 * 2050 });
    const now = ledger.counts();
    // Sends in the first 50 ms after the joins are ambiguous; every other is certain.
    assert.deepEqual(now, counts({ broadcastsCertain: 3 * (60_000 - 49), broadcastsAmbiguous: 3 * 49, unsettledDeliveries: 3 * 2050 }));
    for (const sid of ['a', 'b', 'c'])
        ledger.endedAll(sid, 'server');
    assert.deepEqual(ledger.remembered, { memberships: 0, pendingDeliveries: 0 });
    assert.deepEqual(ledger.counts(), counts({ broadcastsCertain: 3 * (60_000 - 49), broadcastsAmbiguous: 3 * 49 }));
});
//# sourceMappingURL=drop-ledger.test.js.map