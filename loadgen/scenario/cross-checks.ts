/**
 * Checks that span fields, run on a scenario whose fields are each valid: names unique and referenced names
 * existing, rooms present where actions need them, thresholds that parse and measure something the scenario
 * does, rates a schedule can meet, and enough source addresses for the clients. Each problem carries the
 * input-side path (as written in YAML) so that it can be located in the file.
 * One file, though over 300 lines: every check reads the same validated scenario and appends to one problem
 * list, in the order a reader meets the fields; apart, they would only pass that list around.
 */
import { isBuiltinLatencyMetric } from '../metric-names.js';
import { isThresholdParseError, parseThreshold } from '../thresholds/parse-threshold.js';
import type { Action } from './action-schema.js';
import { CUSTOM_ARG_PLACEHOLDERS, findUnknownPlaceholders, usesPlaceholder } from './custom-args.js';
import { BUILTIN_METRIC_SOURCE, METRICS_WITHOUT_ACTION, scenarioDeliveryMetrics, scenarioLatencyMetrics } from './scenario-metrics.js';
import type { Scenario } from './schema.js';
import { DEFAULT_MAX_ROOMS_PER_CLIENT } from '../../server/limits/limit-options.js';

/** A cross-field problem: where (input-side path), what, and for thresholds the 1-based column in the string. */
export interface CrossCheckProblem {
  path: Array<string | number>;
  message: string;
  column?: number;
}

/**
 * Most sends per second one client can be scheduled for: schedules have millisecond resolution, so a client
 * gets at most one slot per millisecond. A higher rate is not load the schedule could produce, so it is refused.
 */
export const MAX_RATE_PER_CLIENT_PER_SEC = 1_000;

/**
 * Ephemeral ports one source address has toward one server address and port: Linux's default
 * ip_local_port_range is 32768-60999, i.e. 28,232 ports.
 */
export const PORTS_PER_SOURCE_ADDRESS = 28_232;

/** Actions that need the client to be in rooms. */
const ROOM_ACTIONS: ReadonlySet<Action['kind']> = new Set(['broadcast', 'join', 'leave']);

/**
 * Clients a phase can connect at `ratePerSec` in `durationMs`. Rounded to a millionth first, so that a rate
 * rescaled by `--set duration` (e.g. 100 × 15000 / 1750) still connects exactly the clients it did before.
 */
function clientsConnectable(ratePerSec: number, durationMs: number): number {
  return Math.floor(Math.round(((ratePerSec * durationMs) / 1000) * 1e6) / 1e6);
}

function checkNames(scenario: Scenario, problems: CrossCheckProblem[]): void {
  const seenActions = new Map<string, number>();
  scenario.actions.forEach((action, index) => {
    const first = seenActions.get(action.name);
    if (first === undefined) seenActions.set(action.name, index);
    else problems.push({ path: ['actions', index, 'name'], message: `duplicate action name '${action.name}' (also actions.${first}); give each action of the same kind a distinct name` });
  });
  const seenPhases = new Map<string, number>();
  scenario.phases.forEach((phase, index) => {
    const first = seenPhases.get(phase.name);
    if (first === undefined) seenPhases.set(phase.name, index);
    else problems.push({ path: ['phases', index, 'name'], message: `duplicate phase name '${phase.name}' (also phases.${first}); give each phase a distinct name` });
    phase.actions?.forEach((name, actionIndex) => {
      if (!seenActions.has(name)) {
        const known = [...seenActions.keys()];
        problems.push({
          path: ['phases', index, 'actions', actionIndex],
          message: `no action named '${name}' (${known.length > 0 ? `actions: ${known.join(', ')}` : 'the scenario has no actions'})`,
        });
      }
    });
  });
}

function checkPhases(scenario: Scenario, problems: CrossCheckProblem[]): void {
  const rampUps = scenario.phases.filter((phase) => phase.kind === 'ramp-up');
  scenario.phases.forEach((phase, index) => {
    if (phase.connectRatePerSec !== undefined && phase.kind !== 'ramp-up' && phase.kind !== 'spike') {
      problems.push({ path: ['phases', index, 'connectRate'], message: `connectRate applies to ramp-up and spike phases, not ${phase.kind}` });
    }
    if (phase.extraClients !== undefined && phase.kind !== 'spike') {
      problems.push({ path: ['phases', index, 'extraClients'], message: `extraClients applies to spike phases, not ${phase.kind}` });
    }
    if (phase.kind === 'spike' && phase.extraClients === undefined) {
      problems.push({ path: ['phases', index, 'extraClients'], message: 'a spike phase needs extraClients: the clients it connects on top of the population' });
    }
    if (phase.kind === 'spike' && phase.extraClients !== undefined && phase.connectRatePerSec !== undefined) {
      const connectable = clientsConnectable(phase.connectRatePerSec, phase.durationMs);
      if (connectable < phase.extraClients) {
        problems.push({
          path: ['phases', index, 'connectRate'],
          message: `${phase.connectRatePerSec}/s for ${phase.durationMs}ms connects ${connectable} of the ${phase.extraClients} extra clients: raise connectRate or the duration, or leave connectRate out to spread them over the phase`,
        });
      }
    }
  });
  // Several ramp-ups share the population; together they must be able to connect all of it.
  if (rampUps.length > 0 && rampUps.every((phase) => phase.connectRatePerSec !== undefined)) {
    const connectable = rampUps.reduce((sum, phase) => sum + clientsConnectable(phase.connectRatePerSec ?? 0, phase.durationMs), 0);
    if (connectable < scenario.population.clients) {
      const index = scenario.phases.indexOf(rampUps[0] as (typeof rampUps)[number]);
      problems.push({
        path: ['phases', index, 'connectRate'],
        message: `the ramp-up connects ${connectable} of ${scenario.population.clients} clients at this connectRate: raise connectRate or the duration, or leave connectRate out to spread the clients over the phase`,
      });
    }
  }
}

function checkRate(action: Action, index: number, scenario: Scenario, problems: CrossCheckProblem[]): void {
  const rate = 'rate' in action ? action.rate : undefined;
  if (rate === undefined) return;
  const path = ['actions', index, 'rate'];
  switch (rate.kind) {
    case 'perClient':
      if (rate.perSec > MAX_RATE_PER_CLIENT_PER_SEC) {
        problems.push({
          path: [...path, 'perClient'],
          message: `${rate.perSec}/s per client cannot be scheduled: at most ${MAX_RATE_PER_CLIENT_PER_SEC}/s per client (one slot per millisecond)`,
        });
      }
      break;
    case 'total': {
      const perClient = rate.perSec / scenario.population.clients;
      if (perClient > MAX_RATE_PER_CLIENT_PER_SEC) {
        problems.push({
          path: [...path, 'total'],
          message: `${rate.perSec}/s over ${scenario.population.clients} clients is ${perClient}/s per client, which cannot be scheduled: at most ${MAX_RATE_PER_CLIENT_PER_SEC}/s per client; add clients or lower the rate`,
        });
      }
      break;
    }
    case 'closedLoop': {
      const waitsForAnswer = action.kind === 'echo' || (action.kind === 'custom' && (action.ack || action.reply !== undefined));
      if (!waitsForAnswer) {
        problems.push({
          path: [...path, 'closedLoop'],
          message: `a closed loop waits for each answer, and ${action.kind === 'custom' ? 'a custom action without ack or reply' : `${action.kind}`} has none: use {perClient: N} or {total: N}`,
        });
      }
      break;
    }
  }
}

/** A custom action's membership and declared delivery: what it needs to be accounted for exactly. */
function checkCustomDelivery(action: Extract<Action, { kind: 'custom' }>, index: number, scenario: Scenario, problems: CrossCheckProblem[]): void {
  const at = (field: string): Array<string | number> => ['actions', index, field];
  const { population } = scenario;
  if (usesPlaceholder(action.args, '{{room}}') && (population.rooms === 0 || population.roomsPerClient === 0)) {
    problems.push({ path: at('args'), message: `{{room}} is one of the client's rooms, and population.${population.rooms === 0 ? 'rooms' : 'roomsPerClient'} is 0: set population.rooms (and roomsPerClient)` });
  }
  if (action.joins && action.leaves) problems.push({ path: at('leaves'), message: 'an action either joins or leaves a room, not both' });
  if ((action.joins || action.leaves) && action.rate !== undefined) {
    problems.push({ path: at('rate'), message: `a ${action.joins ? 'joining' : 'leaving'} action runs once per room of the client (${action.joins ? 'after it connects' : 'at the start of each ramp-down'}): remove its rate` });
  }
  if (action.joins && !action.ack) {
    problems.push({
      path: at('joins'),
      message: 'joins: true needs ack: true: the membership starts when the server acknowledges the join (python-socketio acknowledges every event; a Node handler calls its callback)',
    });
  }
  const delivers = action.delivers;
  if (delivers === undefined) return;
  if (action.reply !== undefined) problems.push({ path: at('reply'), message: 'a declared delivery replaces reply: for an answer to the sender alone, use delivers.to: sender' });
  if (!usesPlaceholder(action.args, '{{messageId}}')) {
    problems.push({ path: [...at('delivers'), 'idField'], message: `the receivers read each message's id at ${delivers.idField}: put '{{messageId}}' in args where the server relays it from` });
  }
  if (delivers.to === 'peer' && !usesPlaceholder(action.args, '{{peerSid}}')) {
    problems.push({ path: [...at('delivers'), 'to'], message: "a delivery to a peer goes to the sid the server is given: put '{{peerSid}}' in args where your server reads it" });
  }
  if (delivers.to === 'room' || delivers.to === 'room-and-sender') {
    const joins = scenario.actions.filter((other) => other.kind === 'custom' && other.joins);
    const byRoom = usesPlaceholder(action.args, '{{room}}');
    if (joins.length === 0) {
      problems.push({ path: [...at('delivers'), 'to'], message: `a delivery to a room needs a custom action with joins: true that enters the clients into ${byRoom ? 'their rooms ({{room}})' : 'the room'}` });
    } else if (!joins.some((join) => join.kind === 'custom' && usesPlaceholder(join.args, '{{room}}') === byRoom)) {
      problems.push({
        path: [...at('delivers'), 'to'],
        message: byRoom
          ? 'this action sends to {{room}}, but no joining action enters the clients into {{room}}'
          : 'this action names no {{room}}, so it goes to the one fixed room, but every joining action enters {{room}}: name {{room}} here too',
      });
    }
  }
}

function checkActions(scenario: Scenario, problems: CrossCheckProblem[]): void {
  const { population } = scenario;
  scenario.actions.forEach((action, index) => {
    if (ROOM_ACTIONS.has(action.kind)) {
      if (population.rooms === 0) {
        problems.push({ path: ['actions', index, 'kind'], message: `population.rooms is 0 but action ${action.name} needs rooms` });
      } else if (population.roomsPerClient === 0) {
        problems.push({ path: ['actions', index, 'kind'], message: `population.roomsPerClient is 0 but action ${action.name} needs rooms` });
      }
    }
    if (action.kind === 'direct' && population.clients < 2) {
      problems.push({ path: ['actions', index, 'kind'], message: 'a direct send needs at least 2 clients' });
    }
    if (action.kind === 'custom') {
      if (action.ack && action.reply !== undefined) {
        problems.push({ path: ['actions', index, 'reply'], message: 'measure either the ack (ack: true) or a reply event, not both' });
      }
      for (const unknown of findUnknownPlaceholders(action.args)) {
        problems.push({
          path: ['actions', index, 'args', ...unknown.path],
          message: `unknown placeholder ${unknown.text} (one of: ${CUSTOM_ARG_PLACEHOLDERS.join(', ')})`,
        });
      }
      checkCustomDelivery(action, index, scenario, problems);
    }
    if ((action.kind === 'custom' || action.kind === 'listen') && isBuiltinLatencyMetric(action.name)) {
      problems.push({ path: ['actions', index, 'name'], message: `'${action.name}' is the name of a built-in metric; give this ${action.kind} action another name, since its own metrics carry its name` });
    }
    checkRate(action, index, scenario, problems);
  });
}

function checkPopulation(scenario: Scenario, problems: CrossCheckProblem[]): void {
  const { population } = scenario;
  if (population.roomsPerClient > population.rooms) {
    problems.push({
      path: ['population', 'roomsPerClient'],
      message: `each client cannot join ${population.roomsPerClient} distinct rooms out of ${population.rooms}: roomsPerClient must be <= rooms`,
    });
  }
  if (population.sourceAddresses !== undefined) {
    const addresses = new Set(population.sourceAddresses).size;
    const clients = population.clients + Math.max(0, ...scenario.phases.map((phase) => phase.extraClients ?? 0));
    const needed = Math.ceil(clients / PORTS_PER_SOURCE_ADDRESS);
    if (needed > addresses) {
      problems.push({
        path: ['population', 'sourceAddresses'],
        message: `${clients} clients at peak need at least ${needed} source addresses, ${addresses} given: each address has at most ${PORTS_PER_SOURCE_ADDRESS} ephemeral ports toward one server (Linux's default ip_local_port_range); add addresses or leave sourceAddresses out to let the engine pick`,
      });
    }
  }
}

function checkTarget(scenario: Scenario, problems: CrossCheckProblem[]): void {
  const peak = scenario.population.clients + Math.max(0, ...scenario.phases.map((phase) => phase.extraClients ?? 0));
  if (scenario.target.kind !== 'builtin') {
    // Off loopback the engine cannot spread clients over 127.0.0.x: without sourceAddresses, one address is all.
    const host = new URL(scenario.target.url).hostname;
    const loopback = host === 'localhost' || host.startsWith('127.') || host === '[::1]';
    if (!loopback && scenario.population.sourceAddresses === undefined && peak > PORTS_PER_SOURCE_ADDRESS) {
      problems.push({
        path: ['population', 'clients'],
        message: `${peak} clients at peak toward ${host} from one source address exceed its ${PORTS_PER_SOURCE_ADDRESS} ephemeral ports: list population.sourceAddresses (at least ${Math.ceil(peak / PORTS_PER_SOURCE_ADDRESS)}) or use fewer clients per machine`,
      });
    }
    return;
  }
  if (scenario.population.roomsPerClient > DEFAULT_MAX_ROOMS_PER_CLIENT) {
    problems.push({
      path: ['population', 'roomsPerClient'],
      message: `the built-in server lets a client join at most ${DEFAULT_MAX_ROOMS_PER_CLIENT} rooms (its maxRoomsPerClient), so joins beyond would all be refused: use roomsPerClient <= ${DEFAULT_MAX_ROOMS_PER_CLIENT}`,
    });
  }
  if (scenario.target.server.parser !== scenario.parser) {
    problems.push({
      path: ['target', 'builtin', 'parser'],
      message: `the server's parser (${scenario.target.server.parser}) must match the clients' parser (${scenario.parser}), or neither side could decode the other`,
    });
  }
  const serverTransports = scenario.target.server.transports;
  const compatible =
    serverTransports === 'polling-upgrade' ||
    (serverTransports === 'websocket' && scenario.transport === 'websocket') ||
    (serverTransports === 'polling' && scenario.transport !== 'websocket');
  if (!compatible) {
    problems.push({
      path: ['target', 'builtin', 'transports'],
      message: `a server that accepts ${serverTransports} only cannot serve clients using ${scenario.transport}`,
    });
  }
}

function checkThresholds(scenario: Scenario, problems: CrossCheckProblem[]): void {
  const latency = scenarioLatencyMetrics(scenario.actions);
  const delivering = scenarioDeliveryMetrics(scenario.actions);
  const actionNames = new Set(scenario.actions.map((action) => action.name));
  scenario.thresholds.forEach((text, index) => {
    const parsed = parseThreshold(text);
    if (isThresholdParseError(parsed)) {
      problems.push({ path: ['thresholds', index], message: parsed.error, column: parsed.column });
      return;
    }
    const { subject } = parsed;
    const column = text.length - text.trimStart().length + 1;
    if (subject.kind === 'latency' && !METRICS_WITHOUT_ACTION.has(subject.metric) && !latency.has(subject.metric)) {
      if (!isBuiltinLatencyMetric(subject.metric) && !actionNames.has(subject.metric.replace(/\.(ack|fanout)$/, ''))) {
        problems.push({ path: ['thresholds', index], message: `no latency metric '${subject.metric}' (this scenario records: ${[...METRICS_WITHOUT_ACTION, ...latency.keys()].join(', ')})`, column });
      } else if (subject.aggregation.kind !== 'count') {
        const source = BUILTIN_METRIC_SOURCE[subject.metric] ?? `action ${subject.metric.replace(/\.(ack|fanout)$/, '')} with ${subject.metric.endsWith('.fanout') ? 'a delivery to a room or to everyone' : subject.metric.endsWith('.ack') ? 'ack: true and a delivery' : 'ack: true, a reply, a delivery or a timestampField'}`;
        problems.push({ path: ['thresholds', index], message: `nothing in this scenario records ${subject.metric} latency (it needs ${source}), so the threshold could only fail`, column });
      }
    }
    if (subject.kind === 'delivery') {
      const wanted = subject.metric === 'all' ? delivering : [subject.metric];
      if (!wanted.some((metric) => delivering.includes(metric))) {
        const what = subject.metric === 'all' ? 'any' : `${subject.metric}`;
        problems.push({
          path: ['thresholds', index],
          message: `nothing in this scenario delivers ${what} messages (delivering here: ${delivering.join(', ') || 'none; a custom action declares one with delivers'}), so the threshold could only fail`,
          column,
        });
      }
    }
  });
}

/** Every cross-field problem of a scenario whose fields are each valid. */
export function crossCheckScenario(scenario: Scenario): CrossCheckProblem[] {
  const problems: CrossCheckProblem[] = [];
  checkNames(scenario, problems);
  checkPhases(scenario, problems);
  checkActions(scenario, problems);
  checkPopulation(scenario, problems);
  checkTarget(scenario, problems);
  checkThresholds(scenario, problems);
  return problems;
}
