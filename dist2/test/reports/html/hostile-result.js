import { makeRunResult } from '../../fixtures/make-run-result.js';
/** The scenario text of {@link hostileResult}. */
export const HOSTILE_SCENARIO_TEXT = '# </pre></script><script>window.pwned = 1</script>\nname: "<img src=x onerror=\\"window.pwned=3\\">"\n';
/** A short fixture with script and HTML injections in the scenario, names, errors, thresholds and warnings. */
export function hostileResult() {
    const base = makeRunResult({ durationSec: 10 });
    const img = '<img src=x onerror="window.pwned=2">';
    return {
        ...base,
        scenario: { ...base.scenario, name: img, file: `${img}.yml`, text: HOSTILE_SCENARIO_TEXT, overrides: [`x=</script>${img}`] },
        target: { kind: 'url', url: `http://127.0.0.1:1/"><script>window.pwned=4</script>` },
        transport: img,
        totals: {
            ...base.totals,
            errors: { [img]: { count: 1, lastMessage: '</script><script>window.pwned=5</script>' } },
            disconnectReasons: { [img]: 1 },
        },
        thresholds: [{ expression: `${img} p(99) < 1ms`, passed: false, actual: 2, limit: 1, unit: '<b>ms</b>' }],
        warnings: [`</script>${img}`],
        verdict: 'failed',
    };
}
//# sourceMappingURL=hostile-result.js.map