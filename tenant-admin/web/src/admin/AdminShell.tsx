import { useCallback, useEffect, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import type { Me, Tenant } from '../api/types';
import { Brand } from '../components/Brand';
import { ErrorMessage } from '../components/forms';
import { SECTIONS, visibleTo } from '../routes';
import { isAdmin, type ShellContext } from './shellContext';
import { StatusBadge } from './StatusBadge';
import { StatusBanner } from './StatusBanner';

/** The admin console's frame: who and which company, the sections, and the page of the section. */
export function AdminShell() {
  const api = useApi();
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [signingOut, setSigningOut] = useState(false);

  const reloadTenant = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    Promise.all([api.tenant(abort.signal), api.me(abort.signal)])
      .then(([t, m]) => {
        setTenant(t);
        setMe(m);
      })
      .catch((e: unknown) => {
        if (!isAbort(e) && !abort.signal.aborted) {
          setError(problemOf(e).detail);
        }
      });
    return () => abort.abort();
  }, [api, generation]);

  async function onLogout() {
    setSigningOut(true);
    // clearing the session sends the app to /login
    await api.logout();
  }

  const context: ShellContext | null = tenant && me ? { tenant, me, reloadTenant } : null;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Brand />
        <div className="topbar__tenant" aria-live="polite">
          {tenant ? (
            <>
              <span className="topbar__company" data-testid="tenant-name">
                {tenant.companyName}
              </span>
              <StatusBadge status={tenant.status} testId="tenant-status" />
            </>
          ) : (
            <span className="topbar__loading">Loading…</span>
          )}
        </div>
        <div className="user-menu" data-testid="user-menu">
          {me ? (
            <span className="user-menu__who">
              <span className="user-menu__name">{me.name}</span>
              <span className="user-menu__email">{me.email}</span>
            </span>
          ) : null}
          <button
            type="button"
            className="button button--ghost"
            data-testid="logout"
            onClick={onLogout}
            disabled={signingOut}
          >
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </header>
      <nav className="sidebar" aria-label="Admin sections">
        <ul>
          <li>
            <NavLink to="/admin" end data-testid="nav-overview">
              Overview
            </NavLink>
          </li>
          {SECTIONS.filter((s) => (!s.adminOnly && !s.roles) || (me !== null && visibleTo(s, me.roles))).map((s) => (
            <li key={s.id}>
              <NavLink to={s.path} data-testid={`nav-${s.id}`}>
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {tenant && me ? <StatusBanner status={tenant.status} admin={isAdmin(me)} /> : null}
        {error ? (
          <div className="stack">
            <ErrorMessage message={error} />
            <div>
              <button type="button" className="button" onClick={reloadTenant}>
                Try again
              </button>
            </div>
          </div>
        ) : context ? (
          <Outlet context={context} />
        ) : (
          <p className="muted" role="status">
            Loading your company…
          </p>
        )}
      </main>
    </div>
  );
}
