import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useApi, useSession } from '../api/context';
import { StatusBanner } from '../admin/StatusBanner';
import { AgentDesktop } from '../agent/AgentDesktop';
import { Brand } from '../components/Brand';
import { useTitle } from '../components/useTitle';
import { ClickToDial } from './ClickToDial';

/**
 * The agent desktop (/agent): the browser softphone and everything around a call. Agents on a desk phone (a SIP
 * phone registered with their SIP login) call out with click-to-dial below it.
 */
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

  if (!session) {
    return (
      <div className="auth">
        <header className="auth__brand">
          <Brand />
        </header>
        <main className="auth__card" aria-labelledby="agent-title">
          <h1 id="agent-title">Agent desktop</h1>
          <p>Sign in to take and make calls.</p>
          <p className="actions">
            <Link to="/login">Sign in</Link>
          </p>
        </main>
      </div>
    );
  }

  const manager = session.roles.includes('ADMIN') || session.roles.includes('SUPERVISOR');
  return (
    <div className="desk">
      <a className="skip-link" href="#desk-main">
        Skip to the desktop
      </a>
      <header className="topbar desk__top">
        <Brand />
        <div className="user-menu">
          {manager ? <Link to="/admin">Admin console</Link> : null}
          <button type="button" className="button button--ghost button--small" data-testid="logout" onClick={() => api.logout()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="desk-main" className="desk__main" aria-labelledby="agent-title" tabIndex={-1}>
        {status ? <StatusBanner status={status} admin={session.roles.includes('ADMIN')} /> : null}
        <AgentDesktop />
        <section className="card desk__deskphone" aria-label="Desk phone">
          <p className="muted small">
            On a desk phone instead? Sign it in with your SIP login and call from here: it rings first, then calls the
            number.
          </p>
          <ClickToDial />
        </section>
      </main>
    </div>
  );
}
