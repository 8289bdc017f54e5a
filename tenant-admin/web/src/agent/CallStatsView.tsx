import type { CallStats } from '@callisto/softphone';
import { useEffect, useState } from 'react';
import type { SoftphoneLike } from './softphoneContext';

/** How often the stats are read while the call is connected. */
export const STATS_INTERVAL_MS = 1000;

/**
 * The call's WebRTC statistics for debugging: read every second while `live`, shown as JSON and kept in
 * `data-stats` (end-to-end tests read `packetsReceived` and `audioLevel` from it).
 */
export function CallStatsView({ phone, callId, live }: { phone: SoftphoneLike; callId: string; live: boolean }) {
  const [stats, setStats] = useState<CallStats | null>(null);

  useEffect(() => {
    if (!live) return undefined;
    let stopped = false;
    const read = () => {
      phone
        .stats(callId)
        .then((s) => {
          if (!stopped && s) setStats(s);
        })
        .catch(() => {
          // a closing connection: the next tick or the end of the call
        });
    };
    read();
    const timer = setInterval(read, STATS_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [phone, callId, live]);

  const json = JSON.stringify(stats ?? {});
  return (
    <details className="call__stats">
      <summary>Call quality (for support)</summary>
      <pre data-testid="call-stats" data-stats={json}>
        {stats ? JSON.stringify(stats, null, 2) : 'No statistics yet.'}
      </pre>
    </details>
  );
}
