import type { ReactNode } from 'react';
import { Brand } from './Brand';

/** The centred card that the sign-up and sign-in pages share. */
export function AuthLayout({ title, subtitle, children, footer }: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="auth">
      <header className="auth__brand">
        <Brand />
      </header>
      <main className="auth__card" aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        {subtitle ? <p className="auth__subtitle">{subtitle}</p> : null}
        {children}
      </main>
      {footer ? <footer className="auth__footer">{footer}</footer> : null}
    </div>
  );
}
