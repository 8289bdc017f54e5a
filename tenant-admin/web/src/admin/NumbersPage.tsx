import { useEffect, useMemo, useState } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import type { PhoneNumber, Queue, Trunk } from '../api/types';
import { ErrorMessage } from '../components/forms';
import { useTitle } from '../components/useTitle';
import { confirmer } from './confirm';
import { RowActions } from './RowActions';
import { NumberForm } from './NumberForm';
import { isAdmin, useShell } from './shellContext';
import { hostPort } from './telephony';
import { TrunkForm } from './TrunkForm';

function byName(a: Trunk, b: Trunk): number {
  return a.name.localeCompare(b.name);
}

function byNumber(a: PhoneNumber, b: PhoneNumber): number {
  return a.e164.localeCompare(b.e164);
}

/** `1 number`, `3 numbers`. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The tenant's SIP trunks and phone numbers, and where each number sends its calls; admins change them. */
export function NumbersPage() {
  useTitle('Numbers & Trunks');
  const api = useApi();
  const { me } = useShell();
  const admin = isAdmin(me);
  const [trunks, setTrunks] = useState<Trunk[]>([]);
  const [numbers, setNumbers] = useState<PhoneNumber[]>([]);
  const [queues, setQueues] = useState<Queue[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [trunkError, setTrunkError] = useState<string | null>(null);
  const [trunkNotice, setTrunkNotice] = useState<string | null>(null);
  const [numberError, setNumberError] = useState<string | null>(null);
  const [numberNotice, setNumberNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [editingTrunk, setEditingTrunk] = useState<Trunk | null>(null);
  const [editingNumber, setEditingNumber] = useState<PhoneNumber | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([api.allTrunks(abort.signal), api.allNumbers(abort.signal), api.allQueues(abort.signal)])
      .then(([t, n, q]) => {
        setTrunks([...t].sort(byName));
        setNumbers([...n].sort(byNumber));
        setQueues([...q].sort((x, y) => x.name.localeCompare(y.name)));
      })
      .catch((e: unknown) => {
        if (!isAbort(e) && !abort.signal.aborted) setLoadError(problemOf(e).detail);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [api]);

  const trunkNames = useMemo(() => new Map(trunks.map((t) => [t.id, t.name])), [trunks]);
  const queueNames = useMemo(() => new Map(queues.map((q) => [q.id, q.name])), [queues]);

  function clearMessages() {
    setTrunkError(null);
    setTrunkNotice(null);
    setNumberError(null);
    setNumberNotice(null);
  }

  async function removeTrunk(trunk: Trunk) {
    if (!confirmer.confirm(`Delete the trunk ${trunk.name}? Calls can no longer come in or go out through it.`)) {
      return;
    }
    setDeleting(trunk.id);
    clearMessages();
    try {
      await api.deleteTrunk(trunk.id);
      setTrunks((current) => current.filter((t) => t.id !== trunk.id));
      if (editingTrunk?.id === trunk.id) setEditingTrunk(null);
      setTrunkNotice(`Deleted the trunk ${trunk.name}.`);
    } catch (e) {
      const problem = problemOf(e);
      if (problem.code === 'trunk-in-use') {
        const using = numbers.filter((n) => n.trunkId === trunk.id).map((n) => n.e164);
        const which = using.length > 0 ? ` It is the trunk of ${using.join(', ')}.` : '';
        setTrunkError(
          `The trunk ${trunk.name} is in use and was not deleted: ${problem.detail}${which} Move its numbers to another trunk, or remove them, first.`,
        );
      } else {
        setTrunkError(problem.detail);
      }
    } finally {
      setDeleting(null);
    }
  }

  async function removeNumber(number: PhoneNumber) {
    if (!confirmer.confirm(`Give up the number ${number.e164}? Its calls are refused from then on.`)) {
      return;
    }
    setDeleting(number.id);
    clearMessages();
    try {
      await api.deleteNumber(number.id);
      setNumbers((current) => current.filter((n) => n.id !== number.id));
      if (editingNumber?.id === number.id) setEditingNumber(null);
      setNumberNotice(`Removed the number ${number.e164}.`);
    } catch (e) {
      setNumberError(problemOf(e).detail);
    } finally {
      setDeleting(null);
    }
  }

  function trunkSaved(trunk: Trunk, created: boolean) {
    setTrunks((current) => [trunk, ...current.filter((t) => t.id !== trunk.id)].sort(byName));
    if (!created) {
      setEditingTrunk(null);
      setTrunkNotice(`Saved the changes to ${trunk.name}.`);
    }
  }

  function numberSaved(number: PhoneNumber, created: boolean) {
    setNumbers((current) => [number, ...current.filter((n) => n.id !== number.id)].sort(byNumber));
    if (!created) {
      setEditingNumber(null);
      setNumberNotice(`Saved the changes to ${number.e164}.`);
    }
  }

  function target(number: PhoneNumber) {
    if (number.target.type === 'QUEUE' && number.target.queueId) {
      return (
        <>
          <span className="muted">Queue</span> {queueNames.get(number.target.queueId) ?? number.target.queueId}
        </>
      );
    }
    return <span className="tag tag--role">{number.target.type}</span>;
  }

  const trunkColumns = admin ? 8 : 7;
  const numberColumns = admin ? 5 : 4;

  return (
    <section aria-labelledby="numbers-title" data-testid="section-numbers">
      <h1 id="numbers-title">Numbers &amp; Trunks</h1>
      <p className="lead">
        Your SIP trunks connect the contact center to the phone network or your PBX; each phone number sends its
        calls to a queue and places its outbound calls through a trunk.
      </p>
      <ErrorMessage message={loadError} testId="numbers-load-error" />
      <div className="stacked">
        <section className="card" aria-labelledby="trunks-title">
          <h2 id="trunks-title">Trunks</h2>
          <ErrorMessage message={trunkError} testId="trunks-error" />
          {trunkNotice ? (
            <div className="alert alert--success" role="status" data-testid="trunks-notice">
              {trunkNotice}
            </div>
          ) : null}
          <div className="table-wrap">
            <table className="table" data-testid="trunks-table" aria-busy={loading}>
              <caption className="visually-hidden">Trunks</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Address</th>
                  <th scope="col">Authentication</th>
                  <th scope="col">Registration</th>
                  <th scope="col">Caller ID</th>
                  <th scope="col">Channels</th>
                  {admin ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {trunks.map((t) => (
                  <tr
                    key={t.id}
                    data-testid={`trunk-row-${t.id}`}
                    className={editingTrunk?.id === t.id ? 'is-selected' : undefined}
                  >
                    <td>
                      <strong>{t.name}</strong>
                      {t.enabled ? null : <span className="tag">disabled</span>}
                    </td>
                    <td>
                      <span className="tag tag--role">{t.kind}</span>
                    </td>
                    <td>
                      <code>{hostPort(t.host, t.port)}</code> <span className="muted small">{t.transport}</span>
                      {t.failoverHosts.length > 0 ? (
                        <div className="muted small" title={t.failoverHosts.join(', ')}>
                          failover: {t.failoverHosts.join(', ')}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      {t.allowedIps.length > 0 ? (
                        <div className="small" title={t.allowedIps.join(', ')}>
                          {count(t.allowedIps.length, 'allowed IP', 'allowed IPs')}: {t.allowedIps.slice(0, 2).join(', ')}
                          {t.allowedIps.length > 2 ? ' …' : ''}
                        </div>
                      ) : null}
                      {t.username ? (
                        <div className="small">
                          <code>{t.username}</code>{' '}
                          <span className="muted">{t.hasPassword ? 'password set' : 'no password'}</span>
                        </div>
                      ) : null}
                      {t.allowedIps.length === 0 && !t.username ? <span className="muted">—</span> : null}
                    </td>
                    <td className="nowrap">
                      {t.register ? `Every ${t.registerExpiresSeconds} s` : <span className="muted">No</span>}
                    </td>
                    <td className="nowrap">{t.callerId ?? <span className="muted">—</span>}</td>
                    <td>{t.maxChannels}</td>
                    {admin ? (
                      <td className="table__actions">
                        <RowActions
                          testId="trunk"
                          id={t.id}
                          name={t.name}
                          onEdit={() => {
                            clearMessages();
                            setEditingTrunk(t);
                          }}
                          onDelete={() => removeTrunk(t)}
                          busy={deleting !== null}
                          deleting={deleting === t.id}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
                {!loading && trunks.length === 0 ? (
                  <tr>
                    <td colSpan={trunkColumns} className="muted">
                      No trunks yet.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          {loading ? (
            <p className="muted" role="status">
              Loading trunks and numbers…
            </p>
          ) : null}
        </section>
        {admin && !loading ? (
          <TrunkForm
            key={`trunk-${editingTrunk?.id ?? 'new'}`}
            trunk={editingTrunk}
            onSaved={trunkSaved}
            onCancel={() => setEditingTrunk(null)}
          />
        ) : null}

        <section className="card" aria-labelledby="phone-numbers-title">
          <h2 id="phone-numbers-title">Phone numbers</h2>
          <ErrorMessage message={numberError} testId="numbers-error" />
          {numberNotice ? (
            <div className="alert alert--success" role="status" data-testid="numbers-notice">
              {numberNotice}
            </div>
          ) : null}
          <div className="table-wrap">
            <table className="table" data-testid="numbers-table" aria-busy={loading}>
              <caption className="visually-hidden">Phone numbers</caption>
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Name</th>
                  <th scope="col">Trunk</th>
                  <th scope="col">Calls go to</th>
                  {admin ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {numbers.map((n) => (
                  <tr
                    key={n.id}
                    data-testid={`number-row-${n.id}`}
                    className={editingNumber?.id === n.id ? 'is-selected' : undefined}
                  >
                    <td className="nowrap">
                      <strong>{n.e164}</strong>
                    </td>
                    <td>{n.name ?? <span className="muted">—</span>}</td>
                    <td>{n.trunkId ? (trunkNames.get(n.trunkId) ?? n.trunkId) : <span className="muted">—</span>}</td>
                    <td>{target(n)}</td>
                    {admin ? (
                      <td className="table__actions">
                        <RowActions
                          testId="number"
                          id={n.id}
                          name={n.e164}
                          onEdit={() => {
                            clearMessages();
                            setEditingNumber(n);
                          }}
                          onDelete={() => removeNumber(n)}
                          busy={deleting !== null}
                          deleting={deleting === n.id}
                          verb="Remove"
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
                {!loading && numbers.length === 0 ? (
                  <tr>
                    <td colSpan={numberColumns} className="muted">
                      No phone numbers yet.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        </section>
        {admin && !loading ? (
          <NumberForm
            key={`number-${editingNumber?.id ?? 'new'}`}
            number={editingNumber}
            trunks={trunks}
            queues={queues}
            onSaved={numberSaved}
            onCancel={() => setEditingNumber(null)}
          />
        ) : null}
      </div>
    </section>
  );
}
