import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem } from '../test/fakeApi';
import { renderDesktop } from '../test/agentPlatform';
import { aCall } from '../test/fakeSoftphone';

function inCall(roles: string[] = ['AGENT'], overrides = {}) {
  const desk = renderDesktop(overrides, roles);
  act(() => desk.softphone.welcome('u-agent', { state: 'BUSY', reason: null }, [aCall({ state: 'connected' })]));
  return desk;
}

function options(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole('option')
    .map((o) => `${(o as HTMLOptionElement).value}=${o.textContent}`);
}

describe('agent desktop: transfer', () => {
  it('transfers blind to a queue picked from the tenant’s queues', async () => {
    const { softphone } = inCall();
    const user = userEvent.setup();
    const toggle = screen.getByTestId('call-transfer');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const target = screen.getByTestId('transfer-target');
    await waitFor(() => expect(options(target)).toEqual(['=Choose…', 'q-support=Support', 'q-billing=Billing']));
    expect(screen.getByTestId('transfer-blind')).toBeDisabled();
    // consulting is for agents
    await user.selectOptions(target, 'q-billing');
    expect(screen.getByTestId('transfer-consult')).toBeDisabled();
    await user.click(screen.getByTestId('transfer-blind'));
    expect(softphone.transfer).toHaveBeenCalledWith('call-1', { queueId: 'q-billing' });
    expect(softphone.consult).not.toHaveBeenCalled();
  });

  it('takes an agent’s id typed in when the names cannot be read', async () => {
    const { softphone } = inCall(['AGENT'], { 'GET /api/v1/agent-directory': () => problem(500, { detail: 'down' }) });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('call-transfer'));
    await user.selectOptions(screen.getByTestId('transfer-kind'), 'agent');
    const target = screen.getByTestId('transfer-target');
    expect(target.tagName).toBe('INPUT');
    expect(screen.getByLabelText('Agent')).toBe(target);
    await user.type(target, ' u-bob ');
    await user.click(screen.getByTestId('transfer-blind'));
    expect(softphone.transfer).toHaveBeenCalledWith('call-1', { agentId: 'u-bob' });
  });

  it('falls back to a typed queue id when the queues cannot be read', async () => {
    const { softphone } = inCall(['AGENT'], { 'GET /api/v1/queues': () => problem(500, { detail: 'down' }) });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('call-transfer'));
    const target = screen.getByTestId('transfer-target');
    expect(target.tagName).toBe('INPUT');
    await user.type(target, 'q-7');
    await user.click(screen.getByTestId('transfer-blind'));
    expect(softphone.transfer).toHaveBeenCalledWith('call-1', { queueId: 'q-7' });
  });

  it('consults an agent picked by name, then completes the transfer', async () => {
    // a plain agent: the names come from the directory every role may read, not from the admin's lists
    const { softphone, calls } = inCall(['AGENT']);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('call-transfer'));
    await user.selectOptions(screen.getByTestId('transfer-kind'), 'agent');
    const target = screen.getByTestId('transfer-target');
    // not the agent themself
    await waitFor(() => expect(options(target)).toEqual(['=Choose…', 'u-bob=Bob Baker', 'u-cat=Cat Cole']));
    expect(calls.some((c) => c.path.startsWith('/api/v1/agents') || c.path.startsWith('/api/v1/users'))).toBe(false);
    await user.selectOptions(target, 'u-bob');
    await user.click(screen.getByTestId('transfer-consult'));
    expect(softphone.consult).toHaveBeenCalledWith('call-1', 'u-bob');

    act(() => softphone.update(aCall({ state: 'held', consult: { agentId: 'u-bob', state: 'ringing' } })));
    const status = screen.getByTestId('consult-status');
    expect(status).toHaveAttribute('data-state', 'ringing');
    await waitFor(() => expect(status).toHaveTextContent('Calling Bob Baker… the caller is on hold.'));
    expect(screen.getByTestId('transfer-consult')).toBeDisabled();
    act(() => softphone.update(aCall({ state: 'held', consult: { agentId: 'u-bob', state: 'connected' } })));
    await waitFor(() => expect(screen.getByTestId('consult-status')).toHaveTextContent('Talking to Bob Baker'));

    await user.click(screen.getByTestId('transfer-complete'));
    expect(softphone.completeTransfer).toHaveBeenCalledWith('call-1');
    expect(softphone.cancelConsult).not.toHaveBeenCalled();
  });

  it('cancels a consultation, back to the caller', async () => {
    const { softphone } = inCall();
    act(() => softphone.update(aCall({ state: 'held', consult: { agentId: 'u-bob', state: 'connected' } })));
    // the consultation's controls show without opening the transfer panel
    expect(screen.queryByTestId('transfer-panel')).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByTestId('transfer-cancel'));
    expect(softphone.cancelConsult).toHaveBeenCalledWith('call-1');
    act(() => softphone.update(aCall({ state: 'connected' })));
    expect(screen.queryByTestId('consult-status')).not.toBeInTheDocument();
  });
});
