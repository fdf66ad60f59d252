/** The sender's side of undeliverable, on a hand-built ledger. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeliveryLedger } from '../../../loadgen/measure/delivery-ledger.js';
import { REACHED_RETENTION_US, SenderTails } from '../../../loadgen/measure/sender-tails.js';
/** Room 0: members 1, 2, 3 (connections 11, 12, 13) from 0; sender 1 broadcasts at 100, 200, 300, 400. */
function room() {
    const ledger = new DeliveryLedger(() => false);
    ledger.addSends(0, 1, [100, 200, 300, 400]);
    for (const member of [1, 2, 3])
        ledger.openWindow(0, member, 10 + member, 0);
    return ledger;
}
test('sends in the tail that reached nobody are undeliverable at each other member; others are judged per member', () => {
    const ledger = room();
    const tails = new SenderTails();
    tails.reached(0, 1, 100, 0);
    tails.reached(0, 1, 300, 0); // 300 reached someone: the server had it
    tails.add({ sender: 1, fromUs: 150, toUs: 400 });
    // In (150, 400]: 200 and 400 reached nobody: 2 members each (1 is the sender).
    assert.equal(tails.undeliverable(ledger), 4);
});
test('a receipt that arrives after the tail still counts; a member whose own tail covers the send is not counted twice', () => {
    const ledger = room();
    const tails = new SenderTails();
    tails.add({ sender: 1, fromUs: 150, toUs: 400 });
    tails.reached(0, 1, 300, 0);
    tails.reached(0, 1, 400, 0); // arrives after the tail
    // Member 3's connection ended abruptly at 450 with a horizon of 300: its tail (150, 450] covers 200.
    ledger.closeWindow(0, 13, 450);
    ledger.addTail({ channel: 0, connection: 13, fromUs: 150, toUs: 450, received: 0, cause: 'undeliverable' });
    assert.equal(tails.undeliverable(ledger), 1, '200 at member 2 only');
});
test('receipts older than the retention are forgotten; a tail that arrives that late finds none', () => {
    const tails = new SenderTails();
    const ledger = new DeliveryLedger(() => false);
    ledger.addSends(0, 1, [1_000_000]);
    ledger.openWindow(0, 2, 12, 0);
    tails.reached(0, 1, 1_000_000, 0);
    tails.reached(0, 9, 1_000_000 + REACHED_RETENTION_US + 2_000_000, 0); // time moves on
    tails.add({ sender: 1, fromUs: 0, toUs: 1_000_000 });
    assert.equal(tails.undeliverable(ledger), 1);
});
test('two sends in one microsecond are told apart: one reached someone, the other did not', () => {
    const ledger = new DeliveryLedger(() => false);
    ledger.addSends(0, 1, [500, 500]);
    ledger.openWindow(0, 2, 12, 0);
    const tails = new SenderTails();
    tails.reached(0, 1, 500, 7);
    tails.add({ sender: 1, fromUs: 0, toUs: 600 });
    assert.equal(tails.undeliverable(ledger), 1);
});
//# sourceMappingURL=sender-tails.test.js.map