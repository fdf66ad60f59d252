/** The websocket upgrade: the request text and the answers that accept or refuse it, written out by hand. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Endpoint } from '../../../loadgen/client/lean-transport.js';
import { handshakeKey, upgradeRefusal, upgradeRequest } from '../../../loadgen/client/websocket-handshake.js';

const endpoint: Endpoint = {
  host: '127.0.0.1',
  port: 3000,
  hostHeader: '127.0.0.1:3000',
  pathAndQuery: '/socket.io/?EIO=4',
  headers: [['x-team', 'bench']],
  localAddress: undefined,
  localPorts: undefined,
};
// RFC 6455 section 1.3's sample nonce and the accept value it shows for it.
const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';

function answer(text: string): [Buffer, number, number] {
  const data = Buffer.from(text, 'latin1');
  return [data, data.indexOf('\r\n\r\n'), data.length];
}

test('the request asks for the websocket transport with the key and the extra headers', () => {
  assert.equal(
    upgradeRequest(endpoint, KEY, undefined),
    'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:3000\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
      `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${KEY}\r\nx-team: bench\r\n\r\n`,
  );
});

test('a probe from polling names its session, escaped', () => {
  assert.match(upgradeRequest(endpoint, KEY, 'a b/c'), /^GET \/socket\.io\/\?EIO=4&transport=websocket&sid=a%20b%2Fc HTTP\/1\.1\r\n/);
});

test('a 101 with the right accept, under any header case and spacing, is accepted', () => {
  assert.equal(upgradeRefusal(...answer(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: ${ACCEPT}\r\n\r\n`), KEY), undefined);
  assert.equal(upgradeRefusal(...answer(`HTTP/1.1 101 Switching Protocols\r\nsec-websocket-accept:   ${ACCEPT}  \r\n\r\n`), KEY), undefined);
});

test('a 101 without the accept that proves the key was read is refused', () => {
  const refusal = 'websocket upgrade: invalid Sec-WebSocket-Accept';
  assert.equal(upgradeRefusal(...answer('HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: AAAA\r\n\r\n'), KEY), refusal);
  assert.equal(upgradeRefusal(...answer('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n'), KEY), refusal);
  // Only a header of that name counts: not one whose name ends with it, nor the words inside another's value.
  assert.equal(upgradeRefusal(...answer(`HTTP/1.1 101 Switching Protocols\r\nX-Sec-WebSocket-Accept: ${ACCEPT}\r\n\r\n`), KEY), refusal);
  assert.equal(upgradeRefusal(...answer(`HTTP/1.1 101 Switching Protocols\r\nX-Note: sec-websocket-accept: ${ACCEPT}\r\n\r\n`), KEY), refusal);
  // Two of them: the last one counts.
  assert.equal(upgradeRefusal(...answer(`HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: ${ACCEPT}\r\nSec-WebSocket-Accept: AAAA\r\n\r\n`), KEY), refusal);
  assert.equal(upgradeRefusal(...answer(`HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: AAAA\r\nSec-WebSocket-Accept: ${ACCEPT}\r\n\r\n`), KEY), undefined);
});

test('another status is refused with the status line and the start of the body', () => {
  assert.equal(
    upgradeRefusal(...answer('HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{"code":0,"message":"Transport unknown"}'), KEY),
    'websocket upgrade refused: HTTP/1.1 400 Bad Request {"code":0,"message":"Transport unknown"}',
  );
  assert.equal(upgradeRefusal(...answer('HTTP/1.1 403 Forbidden\r\n\r\n'), KEY), 'websocket upgrade refused: HTTP/1.1 403 Forbidden');
  const long = answer(`HTTP/1.1 500 Internal Server Error\r\n\r\n${'x'.repeat(1000)}`);
  assert.equal(upgradeRefusal(...long, KEY), `websocket upgrade refused: HTTP/1.1 500 Internal Server Error ${'x'.repeat(300)}`);
});

test('each key is 16 fresh random bytes in base64', () => {
  const keys = new Set<string>();
  for (let k = 0; k < 600; k += 1) {
    const key = handshakeKey();
    assert.equal(Buffer.from(key, 'base64').length, 16);
    assert.equal(key.length, 24);
    keys.add(key);
  }
  assert.equal(keys.size, 600);
});
