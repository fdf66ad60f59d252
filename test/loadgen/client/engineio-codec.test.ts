/**
 * Engine.IO v4 pieces: open packet, polling payloads (\x1e separators, `b` + base64 binary), websocket client frames.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtocolError, decodePollingPayload, encodePollingPayload, parseOpenPacket } from '../../../loadgen/client/engineio-codec.js';
import { encodeClientFrame } from '../../../loadgen/client/websocket-frames.js';
import { expectedAccept } from '../../../loadgen/client/websocket-handshake.js';

describe('engineio-codec', () => {
  it('parses the open packet', () => {
    assert.deepEqual(parseOpenPacket('0{"sid":"lv_VI97HAXpY6yYWAAAC","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}'), {
      sid: 'lv_VI97HAXpY6yYWAAAC', upgrades: ['websocket'], pingIntervalMs: 25000, pingTimeoutMs: 20000, maxPayloadBytes: 1000000,
    });
    for (const bad of ['0', '0{', '0[]', '0{"upgrades":[]}', '0{"sid":"x","pingInterval":-1,"pingTimeout":1}', '0{"sid":"x","pingInterval":"1","pingTimeout":1}']) {
      assert.throws(() => parseOpenPacket(bad), ProtocolError, bad);
    }
  });

  it('open packets that differ from the last only in their sid parse as JSON.parse reads them', () => {
    // The thread's last open packet is reused for its fields; the oracle is JSON.parse of each packet.
    const rests = [
      '","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}',
      '","upgrades":["websocket"],"pingInterval":300,"pingTimeout":200,"maxPayload":1e6}',
      '","upgrades":["websocket"],"pingInterval":300,"pingTimeout":200}',
    ];
    const sids = ['lv_VI97HAXpY6yYWAAAC', 'a', 'x\\"y', 'tab\\tsid', 'Zq-9_0', 'é€😀'];
    for (let round = 0; round < 3; round++) {
      for (const rest of rests) {
        for (const sid of sids) {
          const text = `0{"sid":"${sid}${rest}`;
          const json = JSON.parse(text.slice(1)) as { sid: string; upgrades: string[]; pingInterval: number; pingTimeout: number; maxPayload?: number };
          assert.deepEqual(parseOpenPacket(text), {
            sid: json.sid, upgrades: json.upgrades, pingIntervalMs: json.pingInterval, pingTimeoutMs: json.pingTimeout, maxPayloadBytes: json.maxPayload ?? 1_000_000,
          }, text);
        }
      }
    }
    // A sid that JSON rejects is rejected, even right after a packet of the same shape was parsed.
    parseOpenPacket('0{"sid":"ok","upgrades":[],"pingInterval":1,"pingTimeout":1}');
    assert.throws(() => parseOpenPacket('0{"sid":"bad\u0001sid","upgrades":[],"pingInterval":1,"pingTimeout":1}'), ProtocolError);
    assert.throws(() => parseOpenPacket('0{"sid":"","upgrades":[],"pingInterval":1,"pingTimeout":1}'), ProtocolError);
  });

  it('encodes a polling payload with the record separator and base64 binary', () => {
    assert.equal(encodePollingPayload(['4hello', Buffer.from([1, 2, 3, 4]), '2']), '4hello\x1ebAQIDBA==\x1e2');
    assert.equal(encodePollingPayload(['40']), '40');
  });

  it('decodes a polling payload', () => {
    assert.deepEqual(decodePollingPayload('4hello\x1ebAQIDBA==\x1e2'), ['4hello', Buffer.from([1, 2, 3, 4]), '2']);
    assert.deepEqual(decodePollingPayload('6'), ['6']);
    for (const bad of ['', '4a\x1e', '\x1e4a', 'b!!!!', 'bAQI', 'bA=QI']) {
      assert.throws(() => decodePollingPayload(bad), ProtocolError, JSON.stringify(bad));
    }
  });
});

function unmask(frame: Buffer, headerBytes: number): Buffer {
  const mask = frame.subarray(headerBytes - 4, headerBytes);
  const payload = Buffer.from(frame.subarray(headerBytes));
  for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
  return payload;
}

describe('websocket client frames', () => {
  it('masks a short text frame', () => {
    const frame = encodeClientFrame(0x1, '42["é"]');
    assert.equal(frame[0], 0x81);
    assert.equal(frame[1], 0x80 | 8);
    assert.equal(frame.length, 2 + 4 + 8);
    assert.equal(unmask(frame, 6).toString('utf8'), '42["é"]');
  });

  it('uses 16-bit and 64-bit lengths', () => {
    const medium = encodeClientFrame(0x2, Buffer.alloc(200, 7));
    assert.deepEqual([medium[0], medium[1], medium.readUInt16BE(2)], [0x82, 0x80 | 126, 200]);
    assert.deepEqual(unmask(medium, 8), Buffer.alloc(200, 7));
    const large = encodeClientFrame(0x2, Buffer.alloc(70_000, 1));
    assert.deepEqual([large[1], large.readUInt32BE(2), large.readUInt32BE(6)], [0x80 | 127, 0, 70_000]);
    assert.deepEqual(unmask(large, 14), Buffer.alloc(70_000, 1));
  });

  it('computes Sec-WebSocket-Accept as RFC 6455 section 1.3 shows', () => {
    assert.equal(expectedAccept('dGhlIHNhbXBsZSBub25jZQ=='), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });
});
