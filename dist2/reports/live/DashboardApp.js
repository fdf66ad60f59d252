import { jsx as _jsx } from "react/jsx-runtime";
import { useInput, useStdin } from 'ink';
import { Dashboard } from './Dashboard.js';
/** The dashboard plus its keys: q or Ctrl-C asks for a graceful stop (only where stdin supports raw mode). */
export function DashboardApp({ onStop, ...dashboard }) {
    const { isRawModeSupported } = useStdin();
    useInput((input, key) => {
        if (input === 'q' || (key.ctrl && input === 'c'))
            onStop();
    }, { isActive: isRawModeSupported });
    return _jsx(Dashboard, { ...dashboard });
}
//# sourceMappingURL=DashboardApp.js.map