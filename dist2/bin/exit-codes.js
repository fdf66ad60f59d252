/** Process exit codes of every sio-bench command; the contract that CI jobs gate on. */
export const ExitCode = {
    /** The command did what was asked; for `run`, every threshold passed. */
    ok: 0,
    /** A run completed but at least one threshold (or a compare gate) failed. */
    thresholdsFailed: 1,
    /** Bad input: a scenario, a flag or a file that cannot be used. Nothing was run. */
    badInput: 2,
    /** The run could not be carried out: target unreachable, server died, worker failed. */
    runFailed: 3,
    /** The run was interrupted by SIGINT (128 + 2, as shells report it). */
    interrupted: 130,
};
/** An error whose message is meant for the user as it is, with the exit code to leave with. */
export class CliError extends Error {
    exitCode;
    constructor(message, exitCode) {
        super(message);
        this.exitCode = exitCode;
        this.name = 'CliError';
    }
}
/** Misuse of a flag or a bad input file: exit code 2. */
export function badInput(message) {
    return new CliError(message, ExitCode.badInput);
}
//# sourceMappingURL=exit-codes.js.map