/** The failure screen on the connection's notice: the countdown to the next try, this page's bridge, a reload. */
import type { ConnectionNotice } from '../connect/use-connection';
import { useSecondsUntil } from '../widgets/connection-badge/use-seconds-until';
import { StatusView } from './StatusView';
import type { Theme } from './theme-switch';

export interface LinkScreenProps {
  notice: Extract<ConnectionNotice, { kind: 'screen' }>;
  theme: Theme;
}

export function LinkScreen({ notice, theme }: LinkScreenProps) {
  const retryInS = useSecondsUntil(notice.retryAt);
  return (
    <StatusView
      screen={notice.screen}
      theme={theme}
      retryInS={retryInS}
      bridge={window.location.host}
      detail={notice.detail}
      onReload={() => window.location.reload()}
    />
  );
}
