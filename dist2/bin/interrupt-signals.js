/**
 * Ctrl-C during a run: the first SIGINT or SIGTERM aborts the returned signal (the run stops its work and still
 * writes its result), a second one exits at once with the interrupted exit code.
 */
import { ExitCode } from './exit-codes.js';
/** Listens for SIGINT and SIGTERM until `dispose()`; `signal` aborts on the first of them. */
export function abortOnInterrupt() {
    const abort = new AbortController();
    let signals = 0;
    const onSignal = () => {
        signals += 1;
        // A second Ctrl-C means "now": the first one already asked the run to stop and write what it has.
        if (signals > 1)
            process.exit(ExitCode.interrupted);
        abort.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: abort.signal,
        dispose: () => {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        },
    };
}
//# sourceMappingURL=interrupt-signals.js.map