import { useInput, useStdin } from 'ink';
import { Dashboard, type DashboardProps } from './Dashboard.js';

/** Props of {@link DashboardApp}. */
export interface DashboardAppProps extends DashboardProps {
  /** Called when the user presses q or Ctrl-C. */
  onStop: () => void;
}

/** The dashboard plus its keys: q or Ctrl-C asks for a graceful stop (only where stdin supports raw mode). */
export function DashboardApp({ onStop, ...dashboard }: DashboardAppProps) {
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (input === 'q' || (key.ctrl && input === 'c')) onStop();
    },
    { isActive: isRawModeSupported },
  );
  return <Dashboard {...dashboard} />;
}
