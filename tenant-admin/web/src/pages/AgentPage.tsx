import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useApi, useSession } from '../api/context';
import { StatusBanner } from '../admin/StatusBanner';
import { Brand } from '../components/Brand';
import { useTitle } from '../components/useTitle';
import { ClickToDial } from './ClickToDial';

/** Placeholder: the agent desktop is built with the WebRTC softphone; meanwhile, click-to-dial. */
export function AgentPage() {
  useTitle('Agent desktop');
  const api = useApi();
  const session = useSession();
  const signedIn = session !== null;
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (!signedIn) return undefined;
    const abort = new AbortController();
    api
      .tenant(abort.signal)
      .then((t) => {
        if (!abort.signal.aborted) setStatus(t.status);
      })
      .catch(() => {
        // the banner is a courtesy: without the tenant the page goes on
      });
    return () => abort.abort();
  }, [api, signedIn]);

  return (
    <div className="auth">
      <header className="auth__brand">
        <Brand />
      </header>
      <main className="auth__card" aria-labelledby="agent-title">
        {session && status ? <StatusBanner status={status} admin={session.roles.includes('ADMIN')} /> : null}
        <h1 id="agent-title">Agent desktop</h1>
        <p>The agent desktop, where agents take and make calls, arrives with the softphone in a later release.</p>
        {session ? <ClickToDial /> : null}
        <p className="actions">
          {session && (session.roles.includes('ADMIN') || session.roles.includes('SUPERVISOR')) ? (
            <Link to="/admin">Go to the admin console</Link>
          ) : null}
          {session ? (
            <button type="button" className="button button--ghost" data-testid="logout" onClick={() => api.logout()}>
              Sign out
            </button>
          ) : (
            <Link to="/login">Sign in</Link>
          )}
        </p>
      </main>
    </div>
  );
}
