/**
 * The failure screen on the connection's notice: the countdown to the next try, this page's bridge, a reload;
 * for a wrong token, the form that replaces or forgets it.
 */
import type { ConnectionNotice } from '../connect/use-connection';
import { useSecondsUntil } from '../widgets/connection-badge/use-seconds-until';
import { StatusView } from './StatusView';
import type { Theme } from './theme-switch';
import { PageTokenForm } from './TokenForm';

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
    >
      {notice.screen === 'wrong-token' && <PageTokenForm />}
    </StatusView>
  );
}
