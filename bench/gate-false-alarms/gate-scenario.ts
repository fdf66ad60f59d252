/**
 * The scenario the A/A benchmark gates on: a small rooms workload against the built-in server, with every kind
 * of figure `compare` judges (connect, join, broadcast and fan-out, direct, echo, throughput, delivery, errors,
 * server CPU and memory), short enough that 20 comparisons of 3 + 3 interleaved runs fit in about 15 minutes.
 */

/** The scenario's YAML; `replyDelayMs` (the reference server's reply-delay fault on every reply) for the power check. */
export function gateScenarioText(replyDelayMs: number): string {
  const faults = replyDelayMs > 0 ? `{builtin: {transports: websocket, faults: {replyDelayFraction: 1, replyDelay: ${replyDelayMs}ms}}}` : '{builtin: {transports: websocket}}';
  return `
name: gate-aa
target: ${faults}
client: lean
transport: websocket
population: {clients: 100, rooms: 10, roomsPerClient: 1, seed: 3}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s, actions: [join]}
  - {name: steady, kind: hold, duration: 3s, actions: [broadcast, direct, echo]}
actions:
  - kind: join
  - kind: broadcast
    rate: {total: 20}
  - kind: direct
    rate: {total: 40}
  - kind: echo
    rate: {perClient: 0.5}
thresholds:
  - errors.rate < 5%
drain: 500ms
`;
}
