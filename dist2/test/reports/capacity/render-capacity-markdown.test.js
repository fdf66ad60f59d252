/** The Markdown capacity report, exactly, for a synthetic three-step run with a projection. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderCapacityMarkdown } from '../../../reports/capacity/render-capacity-markdown.js';
import { makeCapacityResult, threeStepResult } from '../../loadgen/capacity/synthetic-steps.js';
const EXPECTED = String.raw `### ✅ sio-bench capacity: rooms

rooms: clients from 100 by ×2 up to 400 clients, each step measured over 20s of phase steady after 5s warm-up · builtin target · Test CPU × 2, 8 GiB · Node v20.0.0 · sio-bench 0.1.0

**Highest sustainable load: 200 clients (step 2 of 3) met every objective: broadcast.latency p(99) \< 100ms.**

Stopped at 400 clients (step 3 of 3): an objective broke: broadcast.latency p(99) = 180ms (limit \< 100ms).

#### Knee

Knee at 400 clients (step 3 of 3, objective broken); first limit reached: server CPU.

- server CPU 97% of a core on average (max 97%) over 1 process(es)
- load generator: saturated in 0 of 20 s; worst second: busiest worker's event loop 30% busy, delay p99 5.0 ms (saturated above 90% or 50 ms)
- server event-loop delay p99 up to 2.0 ms (limit 100 ms), loop 97% busy
- server memory 90 MiB rss of 8192 MiB
- objective broken: broadcast.latency p(99) = 180ms (limit \< 100ms)

#### Costs fitted from the steps

- Memory per connected client: 102 KiB (base rss 50 MiB; least squares over 6 server samples, r² 1.00, 100–400 clients).
- CPU per delivered message: 314 µs of CPU (base -15.6% of a core; least squares over 6 server samples, r² 0.98, 1k–3.5k deliveries/s).

#### Projection

200,000 clients at 1 msg/s each in rooms of 50 (200k messages/s, 9.8M deliveries/s) need 3,843 server process(es), bound by cpu: each with 52 clients and 2.6k deliveries/s, about 80% of a core and 55.2 MiB rss.

| bound | processes | how |
| --- | ---: | --- |
| CPU | 3,843 | 3074 cores in all; 80% of a core per process for deliveries |
| memory | 21 | 19.5 GiB for the clients; 974 MiB per process above its base |
| connections (file descriptors) | 10 | 200,000 connections; 20,000 per process |

Assumptions:

- deliveries/s = clients × rate × (room size − 1) = 200000 × 1 × 49; every client in one room of 50, rooms spread evenly over the processes
- CPU grows linearly with deliveries and memory with connected clients, as fitted from the steps; beyond the loads measured the lines are extrapolated
- the cost per delivery does not depend on room size or payload beyond what the measured scenario had
- each process may use 80% of one core, 1024 MiB and 20000 connections
- no cross-process adapter cost: the steps ran against one process. With n \> 1 processes every broadcast is also published to the other n − 1 through the adapter; measure that cost by running this capacity scenario against a cluster of the server and comparing CPU per delivery

#### Steps

| step | load (clients) | outcome | offered/s | sent/s | deliveries/s | broadcast p50 | broadcast p99 | server CPU | server rss | server loop p99 | loadgen loop | broadcast.latency p(99) \< 100ms |
| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| 1 | 100 | met | 100 | 100 | 1k | 2.5ms | 10ms | 20% | 60 MiB | 2ms | 30% busy | pass: 10ms |
| 2 | 200 | met | 200 | 200 | 2k | 3.5ms | 14ms | 40% | 70 MiB | 2ms | 30% busy | pass: 14ms |
| 3 | 400 | objective broken | 400 | 400 | 3.5k | 45ms | 180ms | 97% | 90 MiB | 2ms | 30% busy | FAIL: 180ms |
`;
test('the Markdown report answers the questions with the evidence, exactly', () => {
    assert.equal(renderCapacityMarkdown(threeStepResult()), EXPECTED);
});
test('without a sustainable step the title says so and no projection section appears', () => {
    const markdown = renderCapacityMarkdown(makeCapacityResult([{ load: 10, p99Us: 500_000, outcome: 'slo-broken', brokenMessage: 'broadcast.latency p(99) = 500ms (limit < 100ms)' }]));
    assert.equal(markdown.split('\n')[0], '### ❌ sio-bench capacity: rooms');
    assert.ok(markdown.includes('**No step met every objective: the first step (10 clients) already did not.**'));
    assert.ok(!markdown.includes('#### Projection'));
});
//# sourceMappingURL=render-capacity-markdown.test.js.map