import { Link } from 'react-router';
import { useTitle } from '../components/useTitle';

export function NotFoundPage({ inShell = false }: { inShell?: boolean }) {
  useTitle('Not found');
  const body = (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link to={inShell ? '/admin' : '/'}>{inShell ? 'Back to the overview' : 'Go to the start page'}</Link>
      </p>
    </>
  );
  return inShell ? (
    <section>{body}</section>
  ) : (
    <main className="auth">
      <div className="auth__card">{body}</div>
    </main>
  );
}
