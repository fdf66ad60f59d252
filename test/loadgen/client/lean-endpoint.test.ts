/**
 * The lean client's endpoint: resolved once per target and source address, though each client has its own
 * options object, and resolved afresh when anything it is made of differs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveEndpoint } from '../../../loadgen/client/lean-endpoint.js';
import type { ClientOptions } from '../../../loadgen/client/virtual-client.js';

const headers = { 'x-team': 'bench' };

function options(overrides: Partial<ClientOptions> = {}): ClientOptions {
  return { url: 'http://127.0.0.1:3999', path: '/socket.io', namespace: '/', transport: 'websocket', headers, ...overrides } as ClientOptions;
}

test('clients with their own options objects but the same target share one endpoint', () => {
  const first = resolveEndpoint(options({ auth: { clientIndex: 1 } }));
  assert.deepEqual(first, {
    host: '127.0.0.1', port: 3999, hostHeader: '127.0.0.1:3999', pathAndQuery: '/socket.io/?EIO=4',
    headers: [['x-team', 'bench']], localAddress: undefined, localPorts: undefined,
  });
  assert.equal(resolveEndpoint(options({ auth: { clientIndex: 2 } })), first);
});

test('a different source address, path, query or headers object gives its own endpoint', () => {
  const base = resolveEndpoint(options());
  const other = resolveEndpoint(options({ localAddress: '127.0.0.2' }));
  assert.equal(other.localAddress, '127.0.0.2');
  assert.equal(resolveEndpoint(options()), base, 'each source address keeps its own');
  assert.equal(resolveEndpoint(options({ path: '/io/' })).pathAndQuery, '/io/?EIO=4');
  assert.equal(resolveEndpoint(options({ query: { token: 'a b' } })).pathAndQuery, '/socket.io/?EIO=4&token=a+b');
  assert.deepEqual(resolveEndpoint(options({ headers: { other: '1' } })).headers, [['other', '1']]);
  assert.throws(() => resolveEndpoint(options({ url: 'https://127.0.0.1:1' })), /options\.url: the lean client supports http:\/\/ and ws:\/\//);
});
