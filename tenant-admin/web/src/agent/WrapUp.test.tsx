import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem, type Call as ApiCall } from '../test/fakeApi';
import { renderDesktop } from '../test/agentPlatform';
import { aCall } from '../test/fakeSoftphone';

function posts(calls: ApiCall[]) {
  return calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body]);
}

function afterCall(overrides = {}) {
  const desk = renderDesktop({
    'POST /api/v1/interactions/call-1/complete': () => json(200, { id: 'call-1', state: 'COMPLETED' }),
    'POST /api/v1/agents/u-agent/wrap-up/finish': () => json(200, { agentId: 'u-agent', state: 'AVAILABLE' }),
    ...overrides,
  });
  act(() => desk.softphone.welcome('u-agent', { state: 'BUSY', reason: null }, [aCall({ state: 'connected' })]));
  act(() => desk.softphone.end('call-1', 'caller-hangup'));
  act(() => desk.softphone.pushState({ state: 'WRAP_UP', reason: null }));
  return desk;
}

describe('agent desktop: wrap-up', () => {
  it('completes the interaction with the disposition and notes', async () => {
    const { calls, softphone } = afterCall();
    expect(screen.queryByTestId('call-active')).not.toBeInTheDocument();
    const wrap = screen.getByTestId('wrapup');
    expect(within(wrap).getByRole('heading')).toHaveTextContent('Wrap-up: +15551230000');
    expect(wrap).toHaveTextContent('The caller hung up.');
    expect(screen.getByTestId('agent-state')).toHaveTextContent('Wrap-up');
    expect(screen.queryByTestId('wrapup-finish')).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByTestId('wrapup-disposition'), 'Resolved');
    expect(screen.getByLabelText('Disposition')).toBe(screen.getByTestId('wrapup-disposition'));
    await user.type(screen.getByTestId('wrapup-notes'), 'Reset the password.');
    await user.click(screen.getByTestId('wrapup-complete'));

    await waitFor(() => expect(screen.queryByTestId('wrapup')).not.toBeInTheDocument());
    expect(posts(calls)).toEqual([
      ['/api/v1/interactions/call-1/complete', { disposition: 'Resolved', notes: 'Reset the password.' }],
    ]);
    expect(screen.getByTestId('desk-notice')).toHaveTextContent('Wrap-up saved.');
    act(() => softphone.pushState({ state: 'AVAILABLE', reason: null }));
    expect(screen.getByTestId('agent-state')).toHaveAttribute('data-state', 'AVAILABLE');
  });

  it('shows why completing failed and keeps what was typed; Skip ends the wrap-up without saving', async () => {
    const { calls } = afterCall({
      'POST /api/v1/interactions/call-1/complete': () =>
        problem(409, { title: 'Conflict', code: 'not-connected', detail: 'You are not connected to this interaction.' }),
    });
    const user = userEvent.setup();
    await user.type(screen.getByTestId('wrapup-notes'), 'Transferred to billing.');
    await user.click(screen.getByTestId('wrapup-complete'));
    expect(await screen.findByTestId('wrapup-error')).toHaveTextContent('You are not connected to this interaction.');
    expect(screen.getByTestId('wrapup-notes')).toHaveValue('Transferred to billing.');

    await user.click(screen.getByTestId('wrapup-skip'));
    await waitFor(() => expect(screen.queryByTestId('wrapup')).not.toBeInTheDocument());
    expect(posts(calls)).toEqual([
      ['/api/v1/interactions/call-1/complete', { notes: 'Transferred to billing.' }],
      ['/api/v1/agents/u-agent/wrap-up/finish', undefined],
    ]);
  });

  it('has no wrap-up for a call the agent never talked on', () => {
    const { softphone } = renderDesktop();
    act(() => softphone.welcome());
    act(() => softphone.ring(aCall()));
    act(() => softphone.end('call-1', 'missed'));
    expect(screen.queryByTestId('wrapup')).not.toBeInTheDocument();
    expect(screen.getByTestId('desk-notice')).toHaveTextContent('The call was not answered in time.');
  });

  it('offers to finish a wrap-up it has no form for (after a reload)', async () => {
    const { softphone, calls } = renderDesktop({
      'POST /api/v1/agents/u-agent/wrap-up/finish': () => json(200, { agentId: 'u-agent', state: 'AVAILABLE' }),
    });
    act(() => softphone.welcome('u-agent', { state: 'WRAP_UP', reason: null }));
    await userEvent.setup().click(screen.getByTestId('wrapup-finish'));
    await waitFor(() => expect(posts(calls)).toEqual([['/api/v1/agents/u-agent/wrap-up/finish', undefined]]));
  });
});
