import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Queue } from '../api/types';
import { adminPlatform, apiCalls, page, type Route } from '../test/adminPlatform';
import { json, noContent, problem, renderApp, sessionWith, type Call } from '../test/fakeApi';
import { confirmer } from './confirm';

const SALES: Queue = {
  id: 'q-sales',
  name: 'Sales',
  strategy: 'LONGEST_IDLE',
  requiredSkills: {},
  priority: 1,
  maxWaitSeconds: 300,
  overflowQueueId: 'q-support',
  wrapUpSeconds: 15,
  serviceLevelSeconds: 20,
  offerTimeoutSeconds: 15,
  relaxAfterSeconds: 60,
  relaxStep: 1,
  recordCalls: false,
};

const SUPPORT: Queue = {
  id: 'q-support',
  name: 'Support',
  strategy: 'SKILLS',
  requiredSkills: { billing: 5, german: 3 },
  priority: 0,
  maxWaitSeconds: 600,
  overflowQueueId: null,
  wrapUpSeconds: 30,
  serviceLevelSeconds: 30,
  offerTimeoutSeconds: 20,
  relaxAfterSeconds: 0,
  relaxStep: 0,
  recordCalls: true,
};

/** Queues kept in memory: list, create, patch, delete. */
function queuesApi(overrides: Record<string, Route> = {}, roles?: string[]) {
  let queues: Queue[] = [SALES, SUPPORT];
  return adminPlatform(
    {
      'GET /api/v1/queues': () => page(queues),
      'POST /api/v1/queues': (call: Call) => {
        const created = {
          ...SUPPORT,
          requiredSkills: {},
          overflowQueueId: null,
          ...(call.body as Partial<Queue>),
          id: 'q-new',
        };
        queues = [...queues, created];
        return json(201, created);
      },
      'PATCH /api/v1/queues/q-sales': (call: Call) => {
        const updated = { ...queues.find((q) => q.id === 'q-sales')!, ...(call.body as Partial<Queue>) };
        queues = queues.map((q) => (q.id === updated.id ? updated : q));
        return json(200, updated);
      },
      'DELETE /api/v1/queues/q-sales': () => {
        queues = queues.filter((q) => q.id !== 'q-sales');
        return noContent();
      },
      ...overrides,
    },
    roles,
  );
}

async function openQueues(overrides?: Record<string, Route>, roles: string[] = ['ADMIN']) {
  const view = renderApp(queuesApi(overrides, roles), { path: '/admin/queues', session: sessionWith({ roles }) });
  await screen.findByTestId('queue-row-q-sales');
  return view;
}

describe('queues section', () => {
  it('lists the queues with their routing settings', async () => {
    const { calls } = await openQueues();
    const table = screen.getByTestId('queues-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const sales = screen.getByTestId('queue-row-q-sales');
    expect(sales).toHaveTextContent('Sales');
    expect(sales).toHaveTextContent('LONGEST_IDLE');
    expect(sales).toHaveTextContent('300 s');
    // the overflow queue by its name
    expect(within(sales).getByText('Support')).toBeInTheDocument();
    const support = screen.getByTestId('queue-row-q-support');
    expect(support).toHaveTextContent('SKILLS');
    expect(support).toHaveTextContent('billing 5');
    expect(support).toHaveTextContent('german 3');
    expect(apiCalls(calls).map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/v1/queues?limit=100']);
    expect(calls.every((c) => c.authorization === 'Bearer access-1')).toBe(true);
  });

  it('creates a queue with skills, a strategy and an overflow queue', async () => {
    const { calls } = await openQueues();
    const user = userEvent.setup();
    await user.type(screen.getByTestId('queue-name'), '  Billing  ');
    await user.selectOptions(screen.getByTestId('queue-strategy'), 'SKILLS');
    await user.click(screen.getByTestId('queue-skills-add'));
    await user.type(screen.getByTestId('queue-skills-name-0'), 'billing');
    await user.clear(screen.getByTestId('queue-skills-level-0'));
    await user.type(screen.getByTestId('queue-skills-level-0'), '4');
    await user.selectOptions(screen.getByTestId('queue-overflow'), 'q-support');
    await user.type(screen.getByTestId('queue-offer-timeout'), '25');
    await user.type(screen.getByTestId('queue-priority'), '2');
    await user.click(screen.getByTestId('queue-submit'));

    expect(await screen.findByTestId('queue-form-success')).toHaveTextContent('Created the queue Billing.');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/api/v1/queues',
      body: {
        name: 'Billing',
        strategy: 'SKILLS',
        requiredSkills: { billing: 4 },
        overflowQueueId: 'q-support',
        priority: 2,
        offerTimeoutSeconds: 25,
      },
    });
    // numbers left empty are left to the server
    expect(Object.keys(calls.find((c) => c.method === 'POST')!.body as object).sort()).toEqual([
      'name',
      'offerTimeoutSeconds',
      'overflowQueueId',
      'priority',
      'requiredSkills',
      'strategy',
    ]);
    expect(screen.getByTestId('queue-row-q-new')).toHaveTextContent('Billing');
    expect(screen.getByTestId('queue-name')).toHaveValue('');
  });

  it('checks the form as the server does before sending it', async () => {
    const { calls } = await openQueues();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('queue-skills-add'));
    await user.type(screen.getByTestId('queue-skills-name-0'), 'billing');
    await user.clear(screen.getByTestId('queue-skills-level-0'));
    await user.type(screen.getByTestId('queue-skills-level-0'), '11');
    await user.click(screen.getByTestId('queue-skills-add'));
    await user.type(screen.getByTestId('queue-skills-name-1'), 'billing');
    await user.type(screen.getByTestId('queue-offer-timeout'), '0');
    await user.type(screen.getByTestId('queue-wrap-up'), '1.5');
    await user.click(screen.getByTestId('queue-submit'));

    expect(await screen.findByTestId('error-message')).toHaveTextContent('Please correct the highlighted fields.');
    expect(screen.getByTestId('queue-name-error')).toHaveTextContent('Enter a name.');
    expect(screen.getByTestId('queue-skills-row-0-error')).toHaveTextContent('from 1 to 10');
    expect(screen.getByTestId('queue-skills-row-1-error')).toHaveTextContent('listed twice');
    expect(screen.getByTestId('queue-offer-timeout-error')).toHaveTextContent('1 or more');
    expect(screen.getByTestId('queue-wrap-up-error')).toHaveTextContent('whole number, 0 or more');
    expect(screen.getByTestId('queue-name')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    // a name of more than 100 characters (pasted past the input's maxLength)
    fireEvent.change(screen.getByTestId('queue-name'), { target: { value: 'x'.repeat(101) } });
    await user.click(screen.getByTestId('queue-submit'));
    expect(screen.getByTestId('queue-name-error')).toHaveTextContent('At most 100 characters.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('shows the server’s field errors next to the fields', async () => {
    await openQueues({
      'POST /api/v1/queues': () =>
        problem(400, {
          title: 'Invalid input',
          detail: 'The queue is not valid.',
          errors: [
            { field: 'name', message: 'is already used by another queue' },
            { field: 'requiredSkills.billing', message: 'level must be between 1 and 10' },
            { field: 'relaxStep', message: 'must not exceed 10' },
            { field: 'somethingElse', message: 'is odd' },
          ],
        }),
    });
    const user = userEvent.setup();
    await user.type(screen.getByTestId('queue-name'), 'Sales');
    await user.type(screen.getByTestId('queue-relax-step'), '50');
    await user.click(screen.getByTestId('queue-submit'));

    const message = await screen.findByTestId('error-message');
    expect(message).toHaveTextContent('The queue is not valid.');
    expect(message).toHaveTextContent('somethingElse: is odd');
    expect(screen.getByTestId('queue-name-error')).toHaveTextContent('is already used by another queue');
    expect(screen.getByTestId('queue-skills-error')).toHaveTextContent('level must be between 1 and 10');
    expect(screen.getByTestId('queue-relax-step-error')).toHaveTextContent('must not exceed 10');
  });

  it('edits a queue and sends only what changed', async () => {
    const { calls } = await openQueues();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('queue-edit-q-sales'));

    const form = screen.getByTestId('queue-form');
    expect(within(form).getByRole('heading')).toHaveTextContent('Edit Sales');
    expect(screen.getByTestId('queue-name')).toHaveValue('Sales');
    expect(screen.getByTestId('queue-name')).toHaveFocus();
    expect(screen.getByTestId('queue-max-wait')).toHaveValue(300);
    expect(screen.getByTestId('queue-overflow')).toHaveValue('q-support');
    // a queue cannot overflow into itself
    expect(within(screen.getByTestId('queue-overflow')).queryByRole('option', { name: 'Sales' })).toBeNull();

    await user.clear(screen.getByTestId('queue-priority'));
    await user.type(screen.getByTestId('queue-priority'), '7');
    await user.selectOptions(screen.getByTestId('queue-overflow'), '');
    await user.click(screen.getByTestId('queue-skills-add'));
    await user.type(screen.getByTestId('queue-skills-name-0'), 'spanish');
    await user.click(screen.getByTestId('queue-submit'));

    expect(await screen.findByTestId('queues-notice')).toHaveTextContent('Saved the changes to Sales.');
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe('/api/v1/queues/q-sales');
    expect(patch?.body).toEqual({ priority: 7, overflowQueueId: null, requiredSkills: { spanish: 1 } });
    const row = screen.getByTestId('queue-row-q-sales');
    expect(row).toHaveTextContent('spanish 1');
    expect(within(screen.getByTestId('queue-form')).getByRole('heading')).toHaveTextContent('Add a queue');
  });

  it('records a queue’s calls when “Record calls” is ticked', async () => {
    const { calls } = await openQueues();
    const user = userEvent.setup();
    // Support records its calls, Sales does not
    expect(screen.getByTestId('queue-recorded-q-support')).toHaveTextContent('recorded');
    expect(screen.queryByTestId('queue-recorded-q-sales')).not.toBeInTheDocument();
    // a new queue does not record unless asked
    expect(screen.getByTestId('queue-record-calls')).not.toBeChecked();

    await user.click(screen.getByTestId('queue-edit-q-sales'));
    const box = screen.getByTestId('queue-record-calls');
    expect(box).toHaveAccessibleName('Record calls');
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(box).toBeChecked();
    await user.click(screen.getByTestId('queue-submit'));

    expect(await screen.findByTestId('queues-notice')).toHaveTextContent('Saved the changes to Sales.');
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe('/api/v1/queues/q-sales');
    expect(patch?.body).toEqual({ recordCalls: true });
    expect(screen.getByTestId('queue-recorded-q-sales')).toHaveTextContent('recorded');

    // and a new queue that records from the start
    await user.type(screen.getByTestId('queue-name'), 'Complaints');
    await user.click(screen.getByTestId('queue-record-calls'));
    await user.click(screen.getByTestId('queue-submit'));
    expect(await screen.findByTestId('queue-form-success')).toHaveTextContent('Created the queue Complaints.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Complaints',
      strategy: 'LONGEST_IDLE',
      recordCalls: true,
    });
    expect(screen.getByTestId('queue-record-calls')).not.toBeChecked();
  });

  it('does not send an edit that changes nothing, and cancels an edit', async () => {
    const { calls } = await openQueues();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('queue-edit-q-support'));
    await user.click(screen.getByTestId('queue-submit'));
    expect(await screen.findByTestId('queue-form-success')).toHaveTextContent('Nothing to save');
    await user.click(screen.getByTestId('queue-cancel'));
    expect(within(screen.getByTestId('queue-form')).getByRole('heading')).toHaveTextContent('Add a queue');
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('deletes a queue only after confirmation', async () => {
    const confirm = vi.spyOn(confirmer, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const { calls } = await openQueues();
    const user = userEvent.setup();

    await user.click(screen.getByTestId('queue-delete-q-sales'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Delete the queue Sales?'));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(screen.getByTestId('queue-delete-q-sales'));
    await waitFor(() => expect(screen.queryByTestId('queue-row-q-sales')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/queues/q-sales']);
    expect(screen.getByTestId('queues-notice')).toHaveTextContent('Deleted the queue Sales.');
  });

  it('shows why the server refuses a deletion', async () => {
    vi.spyOn(confirmer, 'confirm').mockReturnValue(true);
    await openQueues({
      'DELETE /api/v1/queues/q-support': () =>
        problem(409, { title: 'Conflict', detail: 'The queue Sales overflows into this queue.' }),
    });
    await userEvent.setup().click(screen.getByTestId('queue-delete-q-support'));
    expect(await screen.findByTestId('queues-error')).toHaveTextContent('The queue Sales overflows into this queue.');
    expect(screen.getByTestId('queue-row-q-support')).toBeInTheDocument();
  });

  it('shows a supervisor the queues without the admin controls', async () => {
    await openQueues(undefined, ['SUPERVISOR']);
    expect(screen.getByTestId('queue-row-q-support')).toHaveTextContent('billing 5');
    expect(screen.queryByTestId('queue-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('queue-edit-q-sales')).not.toBeInTheDocument();
    expect(screen.queryByTestId('queue-delete-q-sales')).not.toBeInTheDocument();
  });

  it('shows an error when the queues cannot be loaded', async () => {
    renderApp(
      queuesApi({ 'GET /api/v1/queues': () => problem(503, { detail: 'The routing service is starting.' }) }),
      { path: '/admin/queues', session: sessionWith() },
    );
    expect(await screen.findByTestId('queues-error')).toHaveTextContent('The routing service is starting.');
  });
});
