/** The offline banner on the connection's notice, counting down to the link's next try. */
import { memo } from 'react';
import type { ConnectionNotice } from '../../connect/use-connection';
import { OfflineBanner } from './OfflineBanner';
import { useSecondsUntil } from './use-seconds-until';

export interface LinkBannerProps {
  notice: Extract<ConnectionNotice, { kind: 'banner' }>;
  /** The page under the banner keeps its edits until Live is back. */
  holdsEdits?: boolean;
}

export const LinkBanner = memo(function LinkBanner({ notice, holdsEdits }: LinkBannerProps) {
  const retryInS = useSecondsUntil(notice.retryAt);
  return <OfflineBanner cause={notice.cause} retryInS={retryInS} holdsEdits={holdsEdits} />;
});
