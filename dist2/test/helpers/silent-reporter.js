export function recordingReporter() {
    const states = [];
    const stopCallbacks = [];
    return {
        states,
        update: (state) => {
            states.push(state);
        },
        finish: async (_result) => undefined,
        onStopRequest: (callback) => {
            stopCallbacks.push(callback);
        },
        requestStop: () => {
            for (const callback of stopCallbacks)
                callback();
        },
    };
}
//# sourceMappingURL=silent-reporter.js.map