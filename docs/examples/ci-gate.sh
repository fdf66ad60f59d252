#!/bin/sh
# ci-gate.sh: the performance regression gate of docs/ci.md as a plain shell script, the same steps as
# docs/examples/sio-bench.yml. The project's own tests run it (test/ci/ci-gate.test.ts).
#
#   ci-gate.sh baseline SCENARIO [run flags...]   run on main: run the scenario and save it as the baseline
#   ci-gate.sh gate     SCENARIO [run flags...]   run on a pull request: run it, compare with the baseline
#   ci-gate.sh ab       SCENARIO MAIN_CHECKOUT [compare flags...]
#                                                 run on a pull request: main's built-in server (a built checkout
#                                                 of main) and this one's, interleaved in one job (docs/ci.md)
#
# Exit codes: 0 no regression (or baseline saved), 1 a regression beyond tolerance or a failed threshold,
# 2 bad input (e.g. no baseline yet), 3 the run could not be carried out, 4 (gate) the thresholds passed on
# less load than asked.
#
# Environment (all optional):
#   SIO_BENCH       how to call sio-bench            (default: npx --no-install sio-bench)
#   REPEAT          repetitions per run              (default: 3; fewer cannot tell noise from a change)
#   BASELINE_NAME   name of the baseline             (default: main)
#   BASELINE_DIR    folder of the baselines          (default: .sio-bench/baselines; cache it between jobs)
#   OUT_DIR         output folder of the run         (default: sio-bench-results)
#   GATE_FLAGS      extra flags for `compare`        (e.g. "--metric echo.latency --tolerance 20%")
#   GITHUB_STEP_SUMMARY  when set (GitHub Actions), the Markdown comparison is appended to it
set -u

usage() {
  echo "usage: $0 baseline|gate SCENARIO [run flags...] | $0 ab SCENARIO MAIN_CHECKOUT [compare flags...]" >&2
  exit 2
}

[ "$#" -ge 2 ] || usage
mode=$1
scenario=$2
shift 2

SIO_BENCH=${SIO_BENCH:-npx --no-install sio-bench}
REPEAT=${REPEAT:-3}
BASELINE_NAME=${BASELINE_NAME:-main}
BASELINE_DIR=${BASELINE_DIR:-.sio-bench/baselines}
OUT_DIR=${OUT_DIR:-sio-bench-results}
GATE_FLAGS=${GATE_FLAGS:-}

case "$mode" in
  baseline)
    # 1. On main: run the scenario N times into one result and keep it as the named baseline.
    $SIO_BENCH run "$scenario" --repeat "$REPEAT" --no-tui --out "$OUT_DIR" \
      --save-baseline "$BASELINE_NAME" --baseline-dir "$BASELINE_DIR" "$@"
    exit $?
    ;;
  gate)
    # 0. Without a baseline there is nothing to gate on: say so before spending minutes on a run.
    if [ ! -f "$BASELINE_DIR/$BASELINE_NAME.json" ]; then
      echo "ci-gate: no baseline named $BASELINE_NAME in $BASELINE_DIR; run '$0 baseline $scenario' on main first" >&2
      exit 2
    fi
    # 1. On the pull request: the same scenario, the same number of repetitions.
    $SIO_BENCH run "$scenario" --repeat "$REPEAT" --no-tui --out "$OUT_DIR" "$@"
    run_code=$?
    # 0 passed, 1 a threshold failed, 4 passed on less load: all leave a result to compare. Anything else does not.
    if [ "$run_code" -gt 1 ] && [ "$run_code" -ne 4 ]; then
      echo "ci-gate: the run failed (exit $run_code); nothing to compare" >&2
      exit "$run_code"
    fi
    # 2. Compare with main's baseline: table in the log, Markdown for the step summary or a PR comment.
    # GATE_FLAGS is split into words on purpose: it holds several flags.
    # shellcheck disable=SC2086
    $SIO_BENCH compare --baseline "$BASELINE_NAME" --baseline-dir "$BASELINE_DIR" \
      "$OUT_DIR/result.json" --md "$OUT_DIR/compare.md" $GATE_FLAGS
    compare_code=$?
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$OUT_DIR/compare.md" ]; then
      cat "$OUT_DIR/compare.md" >> "$GITHUB_STEP_SUMMARY"
    fi
    # 3. The gate: a bad-input compare (2) wins, then a regression or a failed threshold (1).
    if [ "$compare_code" -ne 0 ]; then exit "$compare_code"; fi
    exit "$run_code"
    ;;
  ab)
    # Both builds on this runner, alternately (A B, B A, ...): drift in a shared machine hits both alike.
    [ "$#" -ge 1 ] || usage
    main_checkout=$1
    shift
    # shellcheck disable=SC2086
    $SIO_BENCH compare --run "$scenario" --baseline-target "$main_checkout" --candidate-target . \
      --repeat "$REPEAT" --out "$OUT_DIR" --md "$OUT_DIR/compare.md" $GATE_FLAGS "$@"
    compare_code=$?
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$OUT_DIR/compare.md" ]; then
      cat "$OUT_DIR/compare.md" >> "$GITHUB_STEP_SUMMARY"
    fi
    exit "$compare_code"
    ;;
  *)
    usage
    ;;
esac
