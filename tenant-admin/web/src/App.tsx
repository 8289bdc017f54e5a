import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useApi, useSession } from './api/context';
import { AdminShell } from './admin/AdminShell';
import { AgentsPage } from './admin/AgentsPage';
import { BillingPage } from './admin/BillingPage';
import { CallsPage } from './admin/CallsPage';
import { NumbersPage } from './admin/NumbersPage';
import { OverviewPage } from './admin/OverviewPage';
import { QueuesPage } from './admin/QueuesPage';
import { RealtimePage } from './admin/RealtimePage';
import { SeatsPage } from './admin/SeatsPage';
import { SectionPlaceholder } from './admin/SectionPlaceholder';
import { UsersPage } from './admin/UsersPage';
import { useTitle } from './components/useTitle';
import { AgentPage } from './pages/AgentPage';
import { LoginPage, type LoginState } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignupPage } from './pages/SignupPage';
import { SignupCanceledPage, SignupSuccessPage } from './pages/SignupSuccessPage';
import { SECTIONS, homeFor } from './routes';

/** Shows its children to a signed-in user; sends anyone else to /login (and back here after an expiry). */
function RequireSession({ children }: { children: ReactNode }) {
  const api = useApi();
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const state: LoginState | undefined =
      api.session.endReason() === 'expired' || api.session.endReason() === null
        ? { from: location.pathname + location.search }
        : undefined;
    return <Navigate to="/login" replace state={state} />;
  }
  return <>{children}</>;
}

function Home() {
  const session = useSession();
  return <Navigate to={session ? homeFor(session.roles) : '/login'} replace />;
}

function Titled({ title, children }: { title: string; children: ReactNode }) {
  useTitle(title);
  return <>{children}</>;
}

export function App() {
  return (
    <Routes>
      <Route path="/" element={<Home />} />
      <Route
        path="/signup"
        element={
          <Titled title="Sign up">
            <SignupPage />
          </Titled>
        }
      />
      <Route
        path="/signup/success"
        element={
          <Titled title="Thank you">
            <SignupSuccessPage />
          </Titled>
        }
      />
      <Route
        path="/signup/canceled"
        element={
          <Titled title="Payment not completed">
            <SignupCanceledPage />
          </Titled>
        }
      />
      <Route
        path="/login"
        element={
          <Titled title="Sign in">
            <LoginPage />
          </Titled>
        }
      />
      <Route path="/agent" element={<AgentPage />} />
      <Route
        path="/admin"
        element={
          <RequireSession>
            <AdminShell />
          </RequireSession>
        }
      >
        <Route index element={<OverviewPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="agents" element={<AgentsPage />} />
        <Route path="queues" element={<QueuesPage />} />
        <Route path="realtime" element={<RealtimePage />} />
        <Route path="calls" element={<CallsPage />} />
        <Route path="numbers" element={<NumbersPage />} />
        <Route path="seats" element={<SeatsPage />} />
        <Route path="billing" element={<BillingPage />} />
        {SECTIONS.filter((s) => s.blurb).map((s) => (
          <Route key={s.id} path={s.id} element={<SectionPlaceholder section={s} />} />
        ))}
        <Route path="*" element={<NotFoundPage inShell />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
