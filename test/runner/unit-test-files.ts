/**
 * `npm run test:unit`: the inner loop. Runs every test file (compiled, under dist/test) that touches no socket,
 * process, thread or browser, judged by what the test file and the test helpers it imports (transitively, within
 * dist/test) import: a node built-in that opens sockets or starts processes or threads, a Socket.IO or Engine.IO
 * package, a browser, or a production module that starts a server, a run or a load process. Everything else is
 * logic under a fake clock or fake clients, and runs in seconds. `npm test` runs every file, these included.
 *
 * Usage: node dist/test/runner/unit-test-files.js [--list]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const testRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Bare module names whose import makes a test an integration test. */
const INTEGRATION_PACKAGES = new Set([
  'node:child_process', 'node:worker_threads', 'node:net', 'node:http', 'node:cluster', 'node:dgram',
  'ws', 'socket.io', 'socket.io-client', 'engine.io', 'engine.io-client', 'playwright-core', 'ink-testing-library', 'redis',
]);

/** Production modules (by file name) that start a server, a run, a load process or a worker thread. */
const INTEGRATION_MODULES = new Set([
  'coordinator.js', 'reference-server.js', 'builtin-server.js', 'engine-echo-server.js', 'scaled-server.js', 'cluster-primary.js',
  'run-capacity.js', 'interleaved-runs.js', 'repeat-runs.js', 'worker-layout.js', 'worker-host.js', 'http-load.js', 'metrics-listener.js',
  'serve-live-metrics.js', 'official-client.js', 'lean-client.js',
]);

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(IMPORT)].map((match) => (match[1] ?? match[2])!);
}

/** Whether `file` (under dist/test) or a test module it imports reaches anything integration-level. */
function touchesTheWorld(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  for (const specifier of importsOf(file)) {
    if (!specifier.startsWith('.')) {
      if (INTEGRATION_PACKAGES.has(specifier)) return true;
      continue;
    }
    const target = path.resolve(path.dirname(file), specifier);
    if (INTEGRATION_MODULES.has(path.basename(target))) return true;
    if (target.startsWith(testRoot + path.sep) && touchesTheWorld(target, seen)) return true;
  }
  return false;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

const unit = testFiles(testRoot).sort().filter((file) => !touchesTheWorld(file));
if (process.argv.includes('--list')) {
  process.stdout.write(`${unit.map((file) => path.relative(process.cwd(), file)).join('\n')}\n`);
} else {
  const outcome = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...unit], { stdio: 'inherit' });
  process.exitCode = outcome.status ?? 1;
}
