import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile, parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { ScenarioError, formatProblem, type ScenarioProblem } from '../../../loadgen/scenario/scenario-error.js';

/** The formatted problems of a text that must not validate. */
function problemsOf(text: string, overrides: string[] = []): string[] {
  try {
    parseScenarioText(text, 's.yml', overrides);
  } catch (error) {
    assert.ok(error instanceof ScenarioError, String(error));
    assert.equal(error.message, error.problems.map(formatProblem).join('\n'));
    return error.problems.map(formatProblem);
  }
  assert.fail('the scenario validated');
}

test('every field problem at once, each at its line and column', () => {
  const text = [
    'name: bad', // 1
    'target: {builtin: {app: nope}}', // 2
    'client: leen', // 3
    'population:', // 4
    '  clients: "2000"', // 5
    '  extra: 1', // 6
    'phases:', // 7
    '  - {name: a, kind: ramp-up, duration: 10x}', // 8
    '  - kind: hold', // 9
    'actions:', // 10
    '  - kind: teleport', // 11
    '  - kind: echo', // 12
    '    rate: {perClient: 1, total: 2}', // 13
    '  - kind: direct', // 14
    '    rate: {closedLoop: {concurrency: 0}}', // 15
    '',
  ].join('\n');
  assert.deepEqual(problemsOf(text), [
    's.yml:2:25 target.builtin.app: expected "bench" | "seed-chat" | "none", got the string "nope"',
    's.yml:3:9 client: expected "lean" | "official", got the string "leen"',
    's.yml:5:12 population.clients: expected number, got the string "2000"',
    's.yml:6:3 population.extra: unknown key',
    's.yml:8:40 phases.0.duration: expected a duration such as 500ms, 10s, 2m, 1h or 1m30s',
    's.yml:9:5 phases.1.duration: required key is missing (expected a duration: a string such as 10s, or whole milliseconds)',
    's.yml:11:11 actions.0.kind: expected "join" | "leave" | "broadcast" | "direct" | "echo" | "custom" | "listen" | "churn" | "http", got the string "teleport"',
    's.yml:13:11 actions.1.rate: expected a rate: {perClient: N} or {total: N} (per second), or {closedLoop: {concurrency: N, thinkTime: D}}; got a map',
    's.yml:15:38 actions.2.rate.closedLoop.concurrency: must be > 0',
  ]);
});

test('a missing key points at its parent key; a missing top-level key at the document start', () => {
  assert.deepEqual(problemsOf('name: x\npopulation:\n  rooms: 2\nphases: [{kind: hold, duration: 1s}]\n'), [
    's.yml:2:1 population.clients: required key is missing (expected number)',
  ]);
  assert.deepEqual(problemsOf('population: {clients: 1}\nphases: [{kind: hold, duration: 1s}]\n'), [
    's.yml:1:1 name: required key is missing (expected string)',
  ]);
});

test('cross-field problems, located', () => {
  const text = [
    'name: cross', // 1
    'population:', // 2
    '  clients: 1', // 3
    '  rooms: 0', // 4
    '  roomsPerClient: 2', // 5
    '  sourceAddresses: [127.0.0.2]', // 6
    'phases:', // 7
    '  - {kind: ramp-up, duration: 10s, connectRate: 0.05}', // 8
    '  - {kind: hold, duration: 1s, actions: [nope]}', // 9
    '  - {kind: spike, duration: 5s, extraClients: 30000}', // 10
    '  - {kind: hold, duration: 1s}', // 11
    'actions:', // 12
    '  - kind: broadcast', // 13
    '    rate: {perClient: 2000000}', // 14
    '  - {kind: custom, event: x, args: [{a: "{{what}}"}]}', // 15
    '  - {kind: custom, event: y, ack: true, reply: {event: z}}', // 16
    '  - {kind: direct, rate: {total: 5}}', // 17
    'thresholds:', // 18
    '  - "echo.latency p(101) < 2ms"', // 19
    '  - delivery.lots == 0', // 20
    '  - push.latency p(99) < 1s', // 21
    '',
  ].join('\n');
  assert.deepEqual(problemsOf(text), [
    's.yml:5:19 population.roomsPerClient: each client cannot join 2 distinct rooms out of 0: roomsPerClient must be <= rooms',
    "s.yml:6:20 population.sourceAddresses: 30001 clients at peak need at least 2 source addresses, 1 given: each address has at most 28232 ephemeral ports toward one server (Linux's default ip_local_port_range); add addresses or leave sourceAddresses out to let the engine pick",
    's.yml:8:49 phases.0.connectRate: the ramp-up connects 0 of 1 clients at this connectRate: raise connectRate or the duration, or leave connectRate out to spread the clients over the phase',
    "s.yml:9:42 phases.1.actions.0: no action named 'nope' (actions: broadcast, custom, direct)",
    "s.yml:11:5 phases.3.name: duplicate phase name 'hold' (also phases.1); give each phase a distinct name",
    's.yml:13:11 actions.0.kind: population.rooms is 0 but action broadcast needs rooms',
    's.yml:14:23 actions.0.rate.perClient: 2000000/s per client cannot be scheduled: at most 1000/s per client (one slot per millisecond)',
    's.yml:15:41 actions.1.args.0.a: unknown placeholder {{what}} (one of: {{sid}}, {{id}}, {{nowMs}}, {{index}}, {{room}}, {{messageId}}, {{sentUs}}, {{peerSid}})',
    "s.yml:16:5 actions.2.name: duplicate action name 'custom' (also actions.1); give each action of the same kind a distinct name",
    's.yml:16:48 actions.2.reply: measure either the ack (ack: true) or a reply event, not both',
    's.yml:17:12 actions.3.kind: a direct send needs at least 2 clients',
    's.yml:19:21 thresholds.0: a percentile must be > 0 and <= 100, got 101',
    "s.yml:20:14 thresholds.1: unknown delivery counter 'lots' (one of: expected, received, lost, inFlightAtStop, undeliverable, duplicated, outOfOrder, unexpected)",
    's.yml:21:5 thresholds.2: nothing in this scenario records push latency (it needs a listen action with a timestampField), so the threshold could only fail',
  ]);
});

test('a delivery to a peer needs the peer sid in its args', () => {
  const text = [
    'name: peer', // 1
    'population: {clients: 4}', // 2
    'phases: [{kind: hold, duration: 1s}]', // 3
    'actions:', // 4
    '  - {kind: custom, name: dm, event: dm, args: [{to: x, id: "{{messageId}}"}], rate: {total: 1}, delivers: {event: dm, to: peer, idField: id}}', // 5
    '',
  ].join('\n');
  assert.deepEqual(problemsOf(text), [
    "s.yml:5:123 actions.0.delivers.to: a delivery to a peer goes to the sid the server is given: put '{{peerSid}}' in args where your server reads it",
  ]);
});

test('the builtin server must be able to talk to the clients', () => {
  const text = 'name: t\ntarget: {builtin: {parser: msgpack, transports: websocket}}\ntransport: polling\npopulation: {clients: 2}\nphases: [{kind: hold, duration: 1s}]\n';
  assert.deepEqual(problemsOf(text), [
    "s.yml:2:28 target.builtin.parser: the server's parser (msgpack) must match the clients' parser (default), or neither side could decode the other",
    's.yml:2:49 target.builtin.transports: a server that accepts websocket only cannot serve clients using polling',
  ]);
});

test('YAML syntax errors are reported with their position, and nothing else', () => {
  assert.deepEqual(problemsOf('name: x\nname: y\npopulation: {clients: 1}\n'), ['s.yml:2:1: YAML: Map keys must be unique']);
  const lines = problemsOf('name: x\npopulation: [1, 2\n');
  assert.equal(lines.length, 1);
  assert.match(lines[0] ?? '', /^s\.yml:\d+:\d+: YAML: /);
});

test('a document that is not a map', () => {
  assert.deepEqual(problemsOf('- a\n- b\n'), ['s.yml:1:1: expected object, got a list']);
  assert.deepEqual(problemsOf(''), ['s.yml:1:1: expected object, got an empty value']);
});

test('loadScenarioFile reads the file and keeps its text; an unreadable file is a ScenarioError', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sio-bench-scenario-'));
  try {
    const file = join(dir, 'one.yml');
    const text = 'name: one\npopulation: {clients: 3}\nphases: [{kind: hold, duration: 1s}]\n';
    await writeFile(file, text);
    const loaded = await loadScenarioFile(file, ['clients=4']);
    assert.equal(loaded.text, text);
    assert.equal(loaded.file, file);
    assert.deepEqual(loaded.overrides, ['clients=4']);
    assert.equal(loaded.scenario.population.clients, 4);
    const missing = join(dir, 'missing.yml');
    await assert.rejects(loadScenarioFile(missing), (error: unknown) => {
      assert.ok(error instanceof ScenarioError);
      const expected: ScenarioProblem[] = [{ file: missing, line: 0, col: 0, path: '', message: 'cannot read the scenario: no such file' }];
      assert.deepEqual(error.problems, expected);
      assert.equal(error.message, `${missing}: cannot read the scenario: no such file`);
      return true;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
