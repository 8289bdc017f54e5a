import { Softphone } from '@callisto/softphone';
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';

/** What the desktop uses of the SDK's Softphone; tests give it a fake. */
export type SoftphoneLike = Pick<
  Softphone,
  | 'connect'
  | 'close'
  | 'on'
  | 'connection'
  | 'agentId'
  | 'state'
  | 'calls'
  | 'setState'
  | 'answer'
  | 'reject'
  | 'hangup'
  | 'mute'
  | 'hold'
  | 'sendDtmf'
  | 'transfer'
  | 'consult'
  | 'completeTransfer'
  | 'cancelConsult'
  | 'dial'
  | 'setInputDevice'
  | 'setOutputDevice'
  | 'remoteAudio'
  | 'stats'
>;

/** Makes the desktop's softphone; it connects with the session's access token, asked again before every connect. */
export type SoftphoneFactory = (api: ApiClient) => SoftphoneLike;

export const browserSoftphone: SoftphoneFactory = (api) => new Softphone({ url: () => api.softphoneUrl() });

const SoftphoneContext = createContext<SoftphoneFactory>(browserSoftphone);

/** Replaces the softphone the agent desktop makes (tests, or an embedding app with its own). */
export function SoftphoneProvider({ factory, children }: { factory: SoftphoneFactory; children: ReactNode }) {
  return <SoftphoneContext.Provider value={factory}>{children}</SoftphoneContext.Provider>;
}

export function useSoftphoneFactory(): SoftphoneFactory {
  return useContext(SoftphoneContext);
}
