/** Which flag sets each limit option, to name flags in the server's validation messages. */
export const FLAG_OF_LIMIT_OPTION = {
    maxRoomsPerClient: '--max-rooms-per-client',
    connectionsPerSecPerIp: '--max-connections-per-sec-per-ip',
    connectionBurstPerIp: '--connection-burst-per-ip',
    authToken: '--auth-token',
};
/** Parses the limit flags; absent flags keep the server's defaults. */
export function parseLimitFlags(flags) {
    const problems = [];
    const input = {};
    if (flags.maxRoomsPerClient !== undefined) {
        const value = Number(flags.maxRoomsPerClient);
        if (/^\d+$/.test(flags.maxRoomsPerClient.trim()) && Number.isSafeInteger(value) && value >= 1)
            input.maxRoomsPerClient = value;
        else
            problems.push(`--max-rooms-per-client must be an integer >= 1 (got ${JSON.stringify(flags.maxRoomsPerClient)})`);
    }
    if (flags.maxConnectionsPerSecPerIp !== undefined) {
        const text = flags.maxConnectionsPerSecPerIp.trim();
        const value = text === '' ? Number.NaN : Number(text);
        if (Number.isFinite(value) && value >= 0)
            input.connectionsPerSecPerIp = value;
        else
            problems.push(`--max-connections-per-sec-per-ip must be a number >= 0, 0 = no limit (got ${JSON.stringify(flags.maxConnectionsPerSecPerIp)})`);
    }
    if (flags.connectionBurstPerIp !== undefined) {
        const value = Number(flags.connectionBurstPerIp);
        if (/^\d+$/.test(flags.connectionBurstPerIp.trim()) && Number.isSafeInteger(value) && value >= 1)
            input.connectionBurstPerIp = value;
        else
            problems.push(`--connection-burst-per-ip must be an integer >= 1 (got ${JSON.stringify(flags.connectionBurstPerIp)})`);
    }
    if (flags.authToken !== undefined) {
        if (flags.authToken.length > 0)
            input.authToken = flags.authToken;
        else
            problems.push('--auth-token must not be empty');
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, input };
}
//# sourceMappingURL=limit-flags.js.map