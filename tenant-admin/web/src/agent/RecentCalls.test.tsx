import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from '../test/adminPlatform';
import { problem } from '../test/fakeApi';
import { callRecord, renderDesktop } from '../test/agentPlatform';
import { aCall } from '../test/fakeSoftphone';
import { dialable } from './OutboundDial';

describe('agent desktop: recent calls', () => {
  it('lists the agent’s calls once the softphone says who the agent is, and again after a call', async () => {
    let answer = 0;
    const { softphone, calls } = renderDesktop({
      'GET /api/v1/calls': () =>
        ++answer === 1
          ? page([
              callRecord({ id: 'cdr-2', direction: 'OUTBOUND', to: '+15550001111', talkSeconds: 65, disposition: 'ANSWERED' }),
              callRecord({ id: 'cdr-1', from: '+15551230000', talkSeconds: 0, disposition: 'NO_ANSWER' }),
            ])
          : page([callRecord({ id: 'cdr-3', from: '+15557770000', talkSeconds: 30 })]),
    });
    expect(calls.some((c) => c.path.startsWith('/api/v1/calls'))).toBe(false);
    act(() => softphone.welcome('u-agent'));

    const table = screen.getByTestId('recent-calls');
    const outbound = await within(table).findByTestId('recent-call-cdr-2');
    expect(outbound).toHaveTextContent('To ↗ +15550001111');
    expect(outbound).toHaveTextContent('01:05');
    expect(outbound).toHaveTextContent('ANSWERED');
    expect(within(table).getByTestId('recent-call-cdr-1')).toHaveTextContent('From ↙ +15551230000');
    expect(within(table).getByTestId('recent-call-cdr-1')).toHaveTextContent('NO_ANSWER');
    expect(calls.filter((c) => c.path.startsWith('/api/v1/calls')).map((c) => c.path)).toEqual([
      '/api/v1/calls?agentId=u-agent&limit=10',
    ]);

    act(() => softphone.ring(aCall()));
    act(() => softphone.end('call-1', 'missed'));
    expect(await within(table).findByTestId('recent-call-cdr-3')).toBeInTheDocument();
    expect(within(table).queryByTestId('recent-call-cdr-2')).not.toBeInTheDocument();
  });

  it('says when there are none, and when they cannot be read', async () => {
    const first = renderDesktop({ 'GET /api/v1/calls': () => page([]) });
    act(() => first.softphone.welcome('u-agent'));
    expect(await screen.findByTestId('recent-calls-empty')).toHaveTextContent('No calls yet.');
    first.unmount();

    const second = renderDesktop({ 'GET /api/v1/calls': () => problem(503, { detail: 'The call history is unavailable.' }) });
    act(() => second.softphone.welcome('u-agent'));
    expect(await screen.findByTestId('recent-calls-error')).toHaveTextContent('The call history is unavailable.');
  });
});

describe('agent desktop: outbound calls', () => {
  it('dials the number typed, normalized, with the softphone', async () => {
    const { softphone } = renderDesktop();
    act(() => softphone.welcome());
    const user = userEvent.setup();
    const input = screen.getByTestId('dial-number');
    expect(screen.getByLabelText('Number to call')).toBe(input);
    await user.type(input, '+1 (555) 000-1111');
    await user.click(screen.getByTestId('dial-call'));
    expect(softphone.dial).toHaveBeenCalledWith('+15550001111');
    // the gateway's call shows, and a second call cannot be dialled meanwhile
    const active = await screen.findByTestId('call-active');
    expect(active).toHaveAttribute('data-state', 'connecting');
    expect(within(active).getByTestId('call-number')).toHaveTextContent('+15550001111');
    expect(input).toHaveValue('');
    expect(screen.getByTestId('dial-call')).toBeDisabled();
  });

  it('checks the number, and shows a refusal', async () => {
    const { softphone } = renderDesktop();
    act(() => softphone.welcome());
    const user = userEvent.setup();
    await user.click(screen.getByTestId('dial-call'));
    expect(screen.getByTestId('dial-number-error')).toHaveTextContent('Enter the number to call.');
    await user.type(screen.getByTestId('dial-number'), 'call mom');
    await user.click(screen.getByTestId('dial-call'));
    expect(screen.getByTestId('dial-number-error')).toHaveTextContent('Enter a phone number');
    expect(softphone.dial).not.toHaveBeenCalled();

    softphone.dial.mockRejectedValueOnce(Object.assign(new Error('No trunk can take the call.'), { code: 'dial-refused' }));
    await user.clear(screen.getByTestId('dial-number'));
    await user.type(screen.getByTestId('dial-number'), '5551234');
    await user.click(screen.getByTestId('dial-call'));
    expect(softphone.dial).toHaveBeenCalledWith('5551234');
    expect(await screen.findByTestId('dial-number-error')).toHaveTextContent(
      'The number cannot be called. (No trunk can take the call.)',
    );
    expect(screen.getByTestId('dial-number')).toHaveValue('5551234');
  });

  it('dials for the queue the agent picks; without queue names, for the agent\'s first queue', async () => {
    const { softphone, unmount } = renderDesktop();
    act(() => softphone.welcome());
    const user = userEvent.setup();
    const queue = await screen.findByTestId('dial-queue');
    expect(screen.getByLabelText('Call for queue')).toBe(queue);
    expect(within(queue).getAllByRole('option').map((o) => o.textContent)).toEqual(['Your first queue', 'Support', 'Billing']);
    await user.selectOptions(queue, 'q-billing');
    await user.type(screen.getByTestId('dial-number'), '+15550001111');
    await user.click(screen.getByTestId('dial-call'));
    expect(softphone.dial).toHaveBeenCalledWith('+15550001111', { queueId: 'q-billing' });
    unmount();

    const unread = renderDesktop({ 'GET /api/v1/queues': () => problem(503, { detail: 'down' }) });
    act(() => unread.softphone.welcome());
    await user.type(screen.getByTestId('dial-number'), '5551234');
    await user.click(screen.getByTestId('dial-call'));
    expect(unread.softphone.dial).toHaveBeenCalledWith('5551234');
    expect(screen.queryByTestId('dial-queue')).toBeNull();
  });

  it('when the picked queue is gone, says so at the picker, falls back to the first queue and reads the queues again', async () => {
    const { softphone, calls } = renderDesktop();
    act(() => softphone.welcome());
    const user = userEvent.setup();
    const queue = await screen.findByTestId('dial-queue');
    await user.selectOptions(queue, 'q-support');
    softphone.dial.mockRejectedValueOnce(Object.assign(new Error('queue not found'), { code: 'dial-refused', reason: 'not-found' }));
    await user.type(screen.getByTestId('dial-number'), '5551234');
    await user.click(screen.getByTestId('dial-call'));
    expect(softphone.dial).toHaveBeenCalledWith('5551234', { queueId: 'q-support' });
    expect(await screen.findByTestId('dial-queue-error')).toHaveTextContent('That queue no longer exists');
    expect(screen.getByTestId('dial-queue')).toHaveValue('');
    expect(screen.queryByTestId('dial-number-error')).toBeNull();
    await waitFor(() => expect(calls.filter((c) => c.path.startsWith('/api/v1/queues'))).toHaveLength(2));
    // the number is kept: Dial again calls for the first queue
    await user.click(screen.getByTestId('dial-call'));
    expect(softphone.dial).toHaveBeenLastCalledWith('5551234');
  });

  it('accepts E.164 and plain digits only', () => {
    expect(dialable(' 00 44 20 7946 0000 ')).toBe('+442079460000');
    expect(dialable('1234')).toBe('1234');
    expect(dialable('+1-555-abc')).toBeNull();
    expect(dialable('')).toBeNull();
  });
});

describe('agent desktop: audio devices', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'mediaDevices');
    Reflect.deleteProperty(HTMLMediaElement.prototype, 'setSinkId');
  });

  it('lists the microphones and speakers and hands the choice to the softphone', async () => {
    const devices = [
      { kind: 'audioinput', deviceId: 'default', label: 'Default', groupId: 'g' },
      { kind: 'audioinput', deviceId: 'mic-usb', label: 'USB Headset', groupId: 'g' },
      { kind: 'audioinput', deviceId: 'mic-2', label: '', groupId: 'g' },
      { kind: 'audiooutput', deviceId: 'spk-usb', label: 'USB Headset', groupId: 'g' },
      { kind: 'videoinput', deviceId: 'cam', label: 'Camera', groupId: 'g' },
    ];
    Object.defineProperty(navigator, 'mediaDevices', {
      configurable: true,
      value: { enumerateDevices: vi.fn(async () => devices), addEventListener: vi.fn(), removeEventListener: vi.fn() },
    });
    Object.defineProperty(HTMLMediaElement.prototype, 'setSinkId', { configurable: true, value: vi.fn(async () => {}) });
    const { softphone } = renderDesktop();
    const input = screen.getByTestId('device-input');
    await waitFor(() =>
      expect(within(input).getAllByRole('option').map((o) => o.textContent)).toEqual(['System default', 'USB Headset', 'Microphone 2']),
    );
    const output = screen.getByTestId('device-output');
    expect(output).toBeEnabled();
    expect(within(output).getAllByRole('option').map((o) => o.textContent)).toEqual(['System default', 'USB Headset']);

    const user = userEvent.setup();
    await user.selectOptions(input, 'mic-usb');
    expect(softphone.setInputDevice).toHaveBeenCalledWith('mic-usb');
    await user.selectOptions(output, 'spk-usb');
    expect(softphone.setOutputDevice).toHaveBeenCalledWith('spk-usb');
    await user.selectOptions(input, '');
    expect(softphone.setInputDevice).toHaveBeenLastCalledWith(null);
  });

  it('says when the browser cannot choose the output, or list devices', () => {
    renderDesktop();
    expect(screen.getByTestId('device-output')).toBeDisabled();
    expect(screen.getByText('This browser plays calls on its default speaker.')).toBeInTheDocument();
    expect(screen.getByText('This browser does not list its audio devices here.')).toBeInTheDocument();
  });
});
