import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Softphone } from '@callisto/softphone';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, renderApp, sessionWith } from '../test/fakeApi';
import { agentApi, renderDesktop } from '../test/agentPlatform';
import { MockWebSocket } from '@callisto/softphone/testing';
import { STATS, aCall } from '../test/fakeSoftphone';

describe('agent desktop: the softphone and the agent state', () => {
  it('connects the softphone, shows the connection and the state, and closes it on leaving', async () => {
    const { softphone, unmount } = renderDesktop();
    expect(softphone.connect).toHaveBeenCalledTimes(1);
    expect(softphone.remoteAudio).toHaveBeenCalledWith(screen.getByTestId('remote-audio'));
    expect(screen.getByTestId('remote-audio')).toHaveAttribute('autoplay');
    expect(screen.getByTestId('softphone-connection')).toHaveTextContent('Connecting…');

    act(() => softphone.welcome('u-agent', { state: 'AVAILABLE', reason: null }));
    expect(screen.getByTestId('softphone-connection')).toHaveTextContent('Phone connected');
    expect(screen.getByTestId('softphone-connection')).toHaveAttribute('data-state', 'connected');
    const state = screen.getByTestId('agent-state');
    expect(state).toHaveTextContent('Available');
    expect(state).toHaveAttribute('data-state', 'AVAILABLE');
    expect(screen.getByTestId('state-available')).toHaveAttribute('aria-pressed', 'true');

    act(() => softphone.setConnection({ state: 'closed', agentId: 'u-agent', retryInMs: 4000, closeCode: 1006 }));
    expect(screen.getByTestId('softphone-connection')).toHaveTextContent('Disconnected: retrying in 4 s');

    unmount();
    expect(softphone.close).toHaveBeenCalledTimes(1);
    expect(softphone.remoteAudio).toHaveBeenLastCalledWith(null);
    expect(softphone.listeners('ended')).toBe(0);
    expect(softphone.listeners('connection')).toBe(0);
  });

  it('sets the state, Away with one of the tenant’s reasons', async () => {
    const { softphone } = renderDesktop();
    act(() => softphone.welcome('u-agent', { state: 'OFFLINE', reason: null }));
    const user = userEvent.setup();
    await user.click(screen.getByTestId('state-available'));
    expect(softphone.setState).toHaveBeenLastCalledWith('AVAILABLE', undefined);

    const reasons = screen.getByTestId('away-reason');
    await waitFor(() => expect(within(reasons).getAllByRole('option').map((o) => o.textContent)).toEqual(['No reason', 'Lunch', 'Training']));
    expect(screen.getByLabelText('Away reason')).toBe(reasons);
    await user.selectOptions(reasons, 'lunch');
    await user.click(screen.getByTestId('state-away'));
    expect(softphone.setState).toHaveBeenLastCalledWith('AWAY', 'lunch');

    act(() => softphone.pushState({ state: 'AWAY', reason: 'lunch' }));
    expect(screen.getByTestId('agent-state')).toHaveAttribute('data-state', 'AWAY');
    expect(screen.getByTestId('agent-state-reason')).toHaveTextContent('Lunch');
    // already away: another reason applies at once
    await user.selectOptions(reasons, 'training');
    expect(softphone.setState).toHaveBeenLastCalledWith('AWAY', 'training');

    await user.click(screen.getByTestId('state-offline'));
    expect(softphone.setState).toHaveBeenLastCalledWith('OFFLINE', undefined);
    expect(softphone.setState).toHaveBeenCalledTimes(4);
  });

  it('shows the softphone’s errors', async () => {
    const { softphone } = renderDesktop();
    act(() => softphone.fail({ code: 'invalid-state', message: 'Not while BUSY.' }));
    expect(screen.getByTestId('softphone-error')).toHaveTextContent('That is not possible in your current state. (Not while BUSY.)');
    expect(screen.getByTestId('softphone-error')).toHaveAttribute('role', 'alert');
    act(() => softphone.fail({ code: 'replaced', message: 'Signed in elsewhere.' }));
    expect(screen.getByTestId('softphone-error')).toHaveTextContent('Your phone was opened in another tab or window');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('softphone-error')).not.toBeInTheDocument();
  });
});

describe('agent desktop: an incoming call', () => {
  it('rings with the screen pop in a live region, and answers', async () => {
    const { softphone } = renderDesktop();
    act(() => softphone.welcome());
    act(() => softphone.ring(aCall()));
    const panel = screen.getByTestId('call-incoming');
    expect(panel.closest('[aria-live="assertive"]')).not.toBeNull();
    expect(within(panel).getByRole('heading')).toHaveTextContent('Incoming call');
    expect(within(panel).getByTestId('call-number')).toHaveTextContent('+15551230000');
    expect(within(panel).getByTestId('call-contact-name')).toHaveTextContent('Jane Doe');
    expect(within(panel).getByTestId('call-contact-company')).toHaveTextContent('Globex');
    // the contact's details from the CRM, and the queue's name
    expect(await within(panel).findByTestId('call-contact-details')).toHaveTextContent('jane@globex.test');
    expect(within(panel).getByTestId('call-contact-details')).toHaveTextContent('tierGold');
    expect(await within(panel).findByText('Queue: Support')).toBeInTheDocument();

    await userEvent.setup().click(within(panel).getByTestId('call-answer'));
    expect(softphone.answer).toHaveBeenCalledWith('call-1');
    expect(softphone.reject).not.toHaveBeenCalled();

    act(() => softphone.update(aCall({ state: 'connected' })));
    expect(screen.queryByTestId('call-incoming')).not.toBeInTheDocument();
    expect(screen.getByTestId('call-active')).toHaveAttribute('data-state', 'connected');
  });

  it('declines, and shows an unknown caller as a number', async () => {
    const { softphone, calls } = renderDesktop();
    act(() => softphone.welcome());
    const call = aCall({ callId: 'call-2', from: '+15557770000' });
    delete call.contact;
    act(() => softphone.ring(call));
    const panel = screen.getByTestId('call-incoming');
    expect(within(panel).getByTestId('call-number')).toHaveTextContent('+15557770000');
    expect(within(panel).queryByTestId('call-contact')).not.toBeInTheDocument();
    expect(panel).toHaveTextContent('No CRM contact matches this number.');
    await userEvent.setup().click(within(panel).getByTestId('call-reject'));
    expect(softphone.reject).toHaveBeenCalledWith('call-2');
    expect(softphone.answer).not.toHaveBeenCalled();
    expect(calls.some((c) => c.path.startsWith('/api/v1/contacts'))).toBe(false);

    act(() => softphone.end('call-2', 'rejected'));
    expect(screen.queryByTestId('call-incoming')).not.toBeInTheDocument();
    expect(screen.getByTestId('desk-notice')).toHaveTextContent('You declined the call.');
    expect(screen.queryByTestId('wrapup')).not.toBeInTheDocument();
  });

  it('asks for a wrap-up after a call the agent talked on, not after one nobody answered or one they transferred', async () => {
    const { softphone } = renderDesktop();
    act(() => softphone.welcome());
    act(() => softphone.update(aCall({ callId: 'call-busy', direction: 'outbound', state: 'ringing' })));
    act(() => softphone.end('call-busy', 'caller-hangup'));
    expect(screen.queryByTestId('wrapup')).not.toBeInTheDocument();

    act(() => softphone.update(aCall({ callId: 'call-out', direction: 'outbound', state: 'connected' })));
    act(() => softphone.end('call-out', 'caller-hangup'));
    expect(screen.getByTestId('wrapup')).toHaveAttribute('data-call-id', 'call-out');
    // no new call while a wrap-up waits: the ACD would refuse it, and its notes would be lost
    expect(screen.getByTestId('dial-call')).toBeDisabled();
    expect(screen.getByTestId('dial-note')).toHaveTextContent('Finish your wrap-up');
    expect(await screen.findByTestId('dial-queue')).toBeDisabled();
    const wrapUps = () => screen.queryAllByTestId('wrapup').map((w) => w.getAttribute('data-call-id'));

    act(() => softphone.update(aCall({ callId: 'call-moved', state: 'connected' })));
    act(() => softphone.end('call-moved', 'transferred'));
    expect(wrapUps()).toEqual(['call-out']);
    expect(screen.getByTestId('desk-notice')).toHaveTextContent('The call was transferred.');

    act(() => softphone.update(aCall({ callId: 'call-in', state: 'connected' })));
    act(() => softphone.end('call-in', 'caller-hangup'));
    expect(wrapUps()).toEqual(['call-out', 'call-in']);
  });

  it('shows a colleague’s consultation as such, with no wrap-up unless the caller was handed over', async () => {
    const { softphone } = renderDesktop();
    act(() => softphone.welcome());
    const consultation = aCall({ callId: 'call-c', from: 'u-bob', to: 'u-agent', consultation: { fromAgentId: 'u-bob' } });
    act(() => softphone.ring(consultation));
    const panel = screen.getByTestId('call-incoming');
    expect(within(panel).getByRole('heading')).toHaveTextContent('A colleague consults you');
    // by id at once, by name once the directory is read
    expect(within(panel).getByTestId('consultation-from')).toHaveTextContent('wants to transfer a caller to you');
    await waitFor(() =>
      expect(within(panel).getByTestId('consultation-from')).toHaveTextContent('Bob Baker wants to transfer a caller to you'),
    );

    act(() => softphone.update({ ...consultation, state: 'connected' }));
    act(() => softphone.end('call-c', 'agent-hangup'));
    expect(screen.queryByTestId('wrapup')).not.toBeInTheDocument();

    // handed over: the call shows the customer, and its end asks for a wrap-up
    act(() => softphone.update({ ...consultation, callId: 'call-t', state: 'connected' }));
    const handedOver = aCall({ callId: 'call-t', state: 'connected' });
    act(() => softphone.update(handedOver));
    act(() => softphone.end('call-t', 'caller-hangup'));
    expect(screen.getByTestId('wrapup')).toHaveAttribute('data-call-id', 'call-t');
  });

  it('says so when the microphone cannot be opened', async () => {
    const { softphone } = renderDesktop();
    softphone.answer.mockRejectedValueOnce(new Error('No microphone: Permission denied'));
    act(() => softphone.welcome());
    act(() => softphone.ring(aCall()));
    await userEvent.setup().click(screen.getByTestId('call-answer'));
    expect(await screen.findByTestId('softphone-error')).toHaveTextContent('No microphone: Permission denied');
    expect(screen.getByTestId('call-answer')).toBeEnabled();
  });
});

describe('agent desktop: a call in progress', () => {
  function connected() {
    const desk = renderDesktop({
      'PUT /api/v1/calls/call-1/recording-state': (c) =>
        json(200, { callId: 'call-1', recording: (c.body as { recording: boolean }).recording }),
    });
    act(() => desk.softphone.welcome('u-agent', { state: 'BUSY', reason: null }, [aCall({ state: 'connected' })]));
    return desk;
  }

  it('mutes, holds and hangs up through the softphone, following the gateway’s state', async () => {
    const { softphone } = connected();
    const user = userEvent.setup();
    const mute = screen.getByTestId('call-mute');
    expect(mute).toHaveAttribute('aria-pressed', 'false');
    await user.click(mute);
    expect(softphone.mute).toHaveBeenLastCalledWith('call-1', true);
    act(() => softphone.update(aCall({ state: 'connected', muted: true })));
    expect(mute).toHaveAttribute('aria-pressed', 'true');
    expect(mute).toHaveTextContent('Unmute');
    await user.click(mute);
    expect(softphone.mute).toHaveBeenLastCalledWith('call-1', false);

    await user.click(screen.getByTestId('call-hold'));
    expect(softphone.hold).toHaveBeenLastCalledWith('call-1', true);
    act(() => softphone.update(aCall({ state: 'held' })));
    expect(screen.getByTestId('call-hold')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('call-hold')).toHaveTextContent('Resume');
    await user.click(screen.getByTestId('call-hold'));
    expect(softphone.hold).toHaveBeenLastCalledWith('call-1', false);

    await user.click(screen.getByTestId('call-hangup'));
    expect(softphone.hangup).toHaveBeenCalledWith('call-1');
  });

  it('sends the keys of the keypad as DTMF', async () => {
    const { softphone } = connected();
    const user = userEvent.setup();
    const toggle = screen.getByTestId('call-keypad');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByTestId('keypad-5')).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    for (const key of ['1', 'star', '0', 'pound', '9']) {
      await user.click(screen.getByTestId(`keypad-${key}`));
    }
    expect(softphone.sendDtmf.mock.calls).toEqual([
      ['call-1', '1'],
      ['call-1', '*'],
      ['call-1', '0'],
      ['call-1', '#'],
      ['call-1', '9'],
    ]);
    expect(screen.getByTestId('keypad-typed')).toHaveTextContent('1*0#9');
    expect(screen.getByRole('button', { name: 'Pound' })).toBe(screen.getByTestId('keypad-pound'));
    for (let d = 0; d <= 9; d++) expect(screen.getByTestId(`keypad-${d}`)).toHaveTextContent(String(d));
    await user.click(toggle);
    expect(screen.queryByTestId('keypad-1')).not.toBeInTheDocument();
  });

  it('records the call on request', async () => {
    const { calls } = connected();
    const user = userEvent.setup();
    const record = screen.getByTestId('call-record');
    await user.click(record);
    await waitFor(() => expect(record).toHaveAttribute('aria-pressed', 'true'));
    expect(screen.getByTestId('call-recording-badge')).toHaveTextContent('REC');
    await user.click(record);
    await waitFor(() => expect(record).toHaveAttribute('aria-pressed', 'false'));
    expect(calls.filter((c) => c.method === 'PUT').map((c) => [c.path, c.body])).toEqual([
      ['/api/v1/calls/call-1/recording-state', { recording: true }],
      ['/api/v1/calls/call-1/recording-state', { recording: false }],
    ]);
  });

  it('shows the call’s timer and its stats for debugging', async () => {
    const { softphone } = connected();
    expect(screen.getByTestId('call-timer')).toHaveTextContent(/^00:0\d$/);
    const stats = screen.getByTestId('call-stats');
    await waitFor(() => expect(JSON.parse(stats.getAttribute('data-stats') ?? '{}')).toEqual(STATS));
    expect(softphone.stats).toHaveBeenCalledWith('call-1');
    const parsed = JSON.parse(stats.getAttribute('data-stats') ?? '{}') as { packetsReceived: number; audioLevel: number };
    expect(parsed.packetsReceived).toBe(120);
    expect(parsed.audioLevel).toBe(0.25);
  });
});

describe('agent desktop: on the real SDK', () => {
  beforeEach(() => MockWebSocket.reset());

  it('follows the gateway’s messages and reports a browser without a microphone', async () => {
    const softphone = new Softphone({
      url: () => 'ws://cc.test/api/v1/softphone?access_token=access-1',
      webSocket: MockWebSocket as unknown as typeof WebSocket,
      pingIntervalMs: 0,
    });
    renderApp(agentApi(), { path: '/agent', session: sessionWith({ roles: ['AGENT'] }), softphone });
    const ws = MockWebSocket.last();
    expect(ws.url).toBe('ws://cc.test/api/v1/softphone?access_token=access-1');
    act(() => ws.open());
    act(() => ws.receive({ type: 'welcome', agentId: 'u-agent', state: { state: 'AVAILABLE' }, calls: [] }));
    expect(screen.getByTestId('softphone-connection')).toHaveTextContent('Phone connected');
    expect(screen.getByTestId('agent-state')).toHaveAttribute('data-state', 'AVAILABLE');

    act(() => ws.receive({ type: 'incoming', call: aCall() }));
    expect(screen.getByTestId('call-incoming')).toHaveTextContent('Jane Doe');
    await userEvent.setup().click(screen.getByTestId('call-answer'));
    // jsdom has no getUserMedia
    expect(await screen.findByTestId('softphone-error')).toHaveTextContent('No microphone');

    act(() => ws.receive({ type: 'ended', callId: 'call-1', reason: 'missed' }));
    expect(screen.queryByTestId('call-incoming')).not.toBeInTheDocument();
    expect(screen.getByTestId('desk-notice')).toHaveTextContent('The call was not answered in time.');
  });
});
