import type { AgentStateInfo, Call, ConnectionInfo } from '@callisto/softphone';
import { useEffect, useState } from 'react';
import { useApi } from '../api/context';
import { useSoftphoneFactory, type SoftphoneLike } from './softphoneContext';

/** What the desktop shows of the softphone: re-read from the SDK on each of its events. */
export interface SoftphoneView {
  connection: ConnectionInfo;
  agentId: string | null;
  agentState: AgentStateInfo | null;
  calls: Call[];
}

function viewOf(phone: SoftphoneLike): SoftphoneView {
  return { connection: phone.connection, agentId: phone.agentId, agentState: phone.state, calls: phone.calls };
}

/** The page's softphone: made once, connected while the desktop is shown, closed when it goes. */
export function useSoftphone(): { phone: SoftphoneLike; view: SoftphoneView } {
  const api = useApi();
  const factory = useSoftphoneFactory();
  const [phone] = useState(() => factory(api));
  const [view, setView] = useState<SoftphoneView>(() => viewOf(phone));

  useEffect(() => {
    const refresh = () => setView(viewOf(phone));
    const offs = (['connection', 'state', 'incoming', 'call', 'ended'] as const).map((event) => phone.on(event, refresh));
    phone.connect();
    refresh();
    return () => {
      offs.forEach((off) => off());
      phone.close();
    };
  }, [phone]);

  return { phone, view };
}

/** The current time, ticking every `everyMs` while `active`. */
export function useNow(active: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}
