import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCapacityFindings } from '../../../reports/capacity/capacity-findings.js';
import { makeCapacityResult } from '../../loadgen/capacity/synthetic-steps.js';

test('every objective held and one noisy step: no knee, and the words say the rise did not last', () => {
  const findings = buildCapacityFindings(
    makeCapacityResult([
      { load: 100, p99Us: 8_000 },
      { load: 200, p99Us: 26_700 },
      { load: 400, p99Us: 8_180 },
    ]),
  );
  assert.equal(
    findings.knee,
    "No knee within the loads tried: every objective held; broadcast p99 26.7ms at 200 clients (over 2× the first step's 8ms) did not last: the next step came back within it, 8.18ms at 400 clients.",
  );
  assert.deepEqual(findings.kneeEvidence, []);
  assert.equal(findings.stop, 'Every step up to 400 clients met every objective: the limit is above the loads tried (raise --max).');
});

test('no rise at all, and a rise at the last step with nothing after it', () => {
  const flat = buildCapacityFindings(makeCapacityResult([{ load: 10, p99Us: 5_000 }, { load: 20, p99Us: 9_000 }]));
  assert.equal(flat.knee, "No knee within the loads tried: every objective held, and broadcast p99 stayed within 2× the first step's.");
  const last = buildCapacityFindings(makeCapacityResult([{ load: 10, p99Us: 5_000 }, { load: 20, p99Us: 12_000 }]));
  assert.equal(
    last.knee,
    "No knee within the loads tried: every objective held; broadcast p99 12ms at 20 clients, the last step, is over 2× the first step's 5ms, with no step after it to confirm a knee (raise --max).",
  );
});

test('a sustained rise names the knee as one that stayed; a re-measured step says so in the table and the warnings', () => {
  const result = makeCapacityResult([
    { load: 100, p99Us: 8_000 },
    { load: 200, p99Us: 26_700 },
    { load: 400, p99Us: 31_000 },
  ]);
  result.steps[1]!.firstMeasurement = { outcome: 'slo-broken', slos: [{ ...result.steps[1]!.slos[0]!, passed: false, message: 'broadcast.latency p(99) = 140ms (limit < 100ms)' }] };
  const findings = buildCapacityFindings(result);
  assert.equal(
    findings.knee,
    "Knee at 200 clients (step 2 of 3, latency rose past 2× the first step's and stayed there); first limit reached: no measured resource.",
  );
  assert.equal(findings.steps.rows[1]?.[2], 'met (re-measured)');
  assert.deepEqual(findings.warnings, [
    "step 2: the first measurement broke broadcast.latency p(99) = 140ms (limit < 100ms); a re-measure at the same load met every objective, so the step counts as met and its figures are the re-measure's",
  ]);
});
