/**
 * Tests that need an outside service (python-socketio, redis-server, chromium) call this. On a developer machine
 * a missing service skips the test with a message naming what to install; in CI (.ci/run sets
 * SIO_BENCH_REQUIRE_SERVICES=1) a missing service fails the test instead, so CI can never pass by skipping.
 */
export function skipUnlessAvailable(available, what, install) {
    if (available)
        return false;
    const message = `${what} is not available; install it with: ${install}`;
    if (process.env.SIO_BENCH_REQUIRE_SERVICES === '1') {
        throw new Error(`${message} (SIO_BENCH_REQUIRE_SERVICES=1 turns this skip into a failure)`);
    }
    return message;
}
//# sourceMappingURL=require-service.js.map