/**
 * Test helper: starts a front door on a loopback port (closed after the test) and sends it one request per
 * connection (agent: false: the door routes connections, and a kept-alive one would stay put).
 */
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import type { TestContext } from 'node:test';
import type { FrontDoor } from '../../../server/cluster/front-door.js';

/** Sends `method path` with an optional body; resolves with the response body. */
export type SendRequest = (method: string, path: string, body?: string) => Promise<string>;

export async function listenFrontDoor(t: TestContext, door: FrontDoor): Promise<SendRequest> {
  await new Promise<void>((resolve) => door.server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    door.destroyConnections();
    door.server.close();
  });
  const port = (door.server.address() as AddressInfo).port;
  return (method, path, body) =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(text));
      });
      req.once('error', reject);
      req.end(body);
    });
}
