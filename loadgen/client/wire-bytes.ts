/**
 * Bytes written and read on the wire, counted as they happen. One counter may be shared by many clients: a
 * worker hands all of its clients one, so its wire bytes per interval are the counter's growth, with nothing to
 * sum over thousands of clients and nothing lost when a client is replaced by a reconnect or goes away.
 */
export class WireByteCounter {
  sentBytes = 0;
  receivedBytes = 0;
}
