import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FanoutTracker } from '../../../loadgen/engine/fanout-tracker.js';
import { summarizeEncoded } from '../../../loadgen/measure/histogram-factory.js';
import { DeliveryLedger } from '../../../loadgen/measure/delivery-ledger.js';
import { LatencyRecorder } from '../../../loadgen/measure/latency-recorder.js';
/** A tracker over its own broadcast ledger; receiver r's connection is numbered 100 + r. */
function tracker(includeSelf = false) {
    const recorder = new LatencyRecorder();
    const ledger = new DeliveryLedger(() => includeSelf);
    return { fanout: new FanoutTracker(recorder, ledger), recorder, ledger };
}
function window(ledger, event) {
    if (event.open)
        ledger.openWindow(event.channel, event.receiver, 100 + event.receiver, event.atUs);
    else
        ledger.closeWindow(event.channel, 100 + event.receiver, event.atUs);
}
test('a fan-out completes when every member in its window got the message, at the last receipt', () => {
    const { fanout, recorder, ledger } = tracker();
    for (const receiver of [1, 2, 3])
        window(ledger, { channel: 0, receiver, atUs: 100, open: true });
    // Sender 1 is a member but is skipped (includeSelf false): 2 recipients expected.
    assert.equal(ledger.membersAt(0, 1, 500), 2);
    fanout.partial({ channel: 0, sender: 1, seq: 0, t0Us: 900, sentUs: 1000, received: 1, lastReceiveUs: 1500 });
    fanout.partial({ channel: 0, sender: 1, seq: 0, t0Us: 900, sentUs: 1000, received: 1, lastReceiveUs: 2400 });
    fanout.settle(1001);
    assert.equal(fanout.complete, 1);
    assert.equal(fanout.incomplete, 0);
    const encoded = recorder.takeInterval();
    assert.ok(encoded);
    assert.equal(summarizeEncoded(encoded.corrected).maxUs, 1500);
    assert.equal(summarizeEncoded(encoded.uncorrected).maxUs, 1400);
});
test('a member that left before the send is not expected; a missing receipt makes the fan-out incomplete', () => {
    const { fanout, ledger } = tracker();
    window(ledger, { channel: 4, receiver: 1, atUs: 0, open: true });
    window(ledger, { channel: 4, receiver: 2, atUs: 0, open: true });
    window(ledger, { channel: 4, receiver: 3, atUs: 0, open: true });
    window(ledger, { channel: 4, receiver: 3, atUs: 50, open: false });
    assert.equal(ledger.membersAt(4, 9, 100), 2);
    fanout.partial({ channel: 4, sender: 9, seq: 7, t0Us: 100, sentUs: 100, received: 1, lastReceiveUs: 200 });
    fanout.settle(50);
    assert.equal(fanout.complete + fanout.incomplete, 0, 'not settled before its settle time');
    fanout.settle(101);
    assert.equal(fanout.incomplete, 1);
    assert.equal(fanout.complete, 0);
});
test('includeSelf counts the sender as a recipient', () => {
    const { ledger } = tracker(true);
    window(ledger, { channel: 0, receiver: 1, atUs: 0, open: true });
    window(ledger, { channel: 0, receiver: 2, atUs: 0, open: true });
    assert.equal(ledger.membersAt(0, 1, 10), 2);
});
test('settling waits three times the longest fan-out seen, and late receipts of a settled message are set aside', () => {
    const { fanout, ledger } = tracker();
    window(ledger, { channel: 0, receiver: 1, atUs: 0, open: true });
    window(ledger, { channel: 0, receiver: 2, atUs: 0, open: true });
    assert.equal(fanout.settleCutoffUs(10_000_000, 3_000_000), 7_000_000);
    // A fan-out that took 2 s: the cutoff moves back to 6 s before now.
    fanout.partial({ channel: 0, sender: 1, seq: 0, t0Us: 0, sentUs: 1_000_000, received: 1, lastReceiveUs: 3_000_000 });
    assert.equal(fanout.settleCutoffUs(10_000_000, 3_000_000), 4_000_000);
    fanout.settle(4_000_000);
    assert.equal(fanout.complete, 1);
    // A receipt for a message sent before the settled time cannot reopen it.
    fanout.partial({ channel: 0, sender: 2, seq: 0, t0Us: 0, sentUs: 2_000_000, received: 1, lastReceiveUs: 2_500_000 });
    assert.equal(fanout.lateReceipts, 1);
    fanout.settle(Number.POSITIVE_INFINITY);
    assert.equal(fanout.complete + fanout.incomplete, 1);
});
//# sourceMappingURL=fanout-tracker.test.js.map