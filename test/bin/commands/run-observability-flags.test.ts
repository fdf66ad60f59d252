/** `run --server-metrics` and `run --metrics-listen`: misuse exits 2 naming the flag, before anything runs. */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { sioBench } from '../../helpers/sio-bench-cli.js';

const ROOMS = fileURLToPath(new URL('../../../../scenarios/rooms.yml', import.meta.url));

test('--server-metrics: URLs only, and a URL target only', async () => {
  const notUrls = await sioBench(['run', ROOMS, '--target', 'http://127.0.0.1:1', '--server-metrics', 'http://127.0.0.1:9/metrics,localhost:9']);
  assert.equal(notUrls.code, 2);
  assert.match(notUrls.stderr, /--server-metrics must be http\(s\) URLs separated by commas \(got "http:\/\/127\.0\.0\.1:9\/metrics,localhost:9"\)/);
  const builtin = await sioBench(['run', ROOMS, '--server-metrics', 'http://127.0.0.1:9/metrics']);
  assert.equal(builtin.code, 2);
  assert.match(builtin.stderr, /--server-metrics needs a URL target \(--target or the scenario's target\.url\)/);
});

test('--metrics-listen: HOST:PORT, and a port in use is named', async () => {
  const malformed = await sioBench(['run', ROOMS, '--metrics-listen', '9464']);
  assert.equal(malformed.code, 2);
  assert.match(malformed.stderr, /--metrics-listen must be HOST:PORT, e\.g\. 127\.0\.0\.1:9464 or \[::1\]:9464 \(got "9464"\)/);
  const taken = createServer().listen(0, '127.0.0.1');
  await once(taken, 'listening');
  const { port } = taken.address() as AddressInfo;
  try {
    const busy = await sioBench(['run', ROOMS, '--metrics-listen', `127.0.0.1:${port}`]);
    assert.equal(busy.code, 2);
    assert.match(busy.stderr, new RegExp(`--metrics-listen 127\\.0\\.0\\.1:${port} cannot be served: listen EADDRINUSE`));
  } finally {
    taken.close();
  }
});
