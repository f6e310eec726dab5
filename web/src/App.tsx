// The shell: navigation, the API-key field, the sign-in/permission banner, and the page for the URL.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { getKey, setKey, type AuthProblem } from './api';
import { Link, match, navigate, useRoute } from './router';
import { AlertQueue } from './pages/AlertQueue';
import { AlertDetailPage } from './pages/AlertDetail';
import { PortfolioPage } from './pages/Portfolio';
import { ListsPage } from './pages/Lists';
import { DashboardPage } from './pages/Dashboard';
import { AuditPage } from './pages/Audit';
import { ReportPage } from './pages/Report';
import { ShortcutHelp } from './components/ShortcutHelp';

const NAV = [
  { to: '/alerts', label: 'Alerts' },
  { to: '/portfolio', label: 'Portfolio' },
  { to: '/lists', label: 'Lists' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/audit', label: 'Audit trail' },
];

function Page({ path }: { path: string }) {
  let p: Record<string, string> | undefined;
  if (path === '/' || path === '/alerts') return <AlertQueue />;
  if ((p = match('/alerts/:id', path))) return <AlertDetailPage id={Number(p.id)} key={p.id} />;
  if (path === '/portfolio') return <PortfolioPage />;
  if (path === '/lists') return <ListsPage />;
  if (path === '/dashboard') return <DashboardPage />;
  if (path === '/audit') return <AuditPage />;
  if ((p = match('/reports/:record', path))) return <ReportPage record={p.record} key={p.record} />;
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{path}</code>. <Link to="/alerts">Go to the alert queue</Link>.
      </p>
    </section>
  );
}

function KeyField({ attention }: { attention: boolean }) {
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState(!!getKey());
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (attention) input.current?.focus();
  }, [attention]);
  const save = (e: FormEvent) => {
    e.preventDefault();
    setKey(value.trim());
    setSaved(!!value.trim());
    setValue('');
  };
  const forget = () => {
    setKey('');
    setSaved(false);
  };
  return (
    <form className="keyform" onSubmit={save} aria-label="Sign in with an API key">
      <label htmlFor="apikey">API key</label>
      <input
        id="apikey"
        ref={input}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder={saved ? 'saved for this tab' : 'idk_…'}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" disabled={!value.trim()}>
        Use key
      </button>
      {saved && (
        <button type="button" className="link" onClick={forget}>
          Forget
        </button>
      )}
    </form>
  );
}

export function App() {
  const { path } = useRoute();
  const [auth, setAuth] = useState<AuthProblem | null>(null);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    const onAuth = (e: Event) => setAuth((e as CustomEvent<AuthProblem>).detail);
    const onKey = () => setAuth(null);
    window.addEventListener('interdict:auth', onAuth);
    window.addEventListener('interdict:key', onKey);
    return () => {
      window.removeEventListener('interdict:auth', onAuth);
      window.removeEventListener('interdict:key', onKey);
    };
  }, []);

  useEffect(() => {
    if (path === '/') navigate('/alerts', { replace: true });
  }, [path]);

  const section = '/' + (path.split('/')[1] ?? '');
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to="/alerts" className="brand" aria-label="Interdict home">
          <svg aria-hidden="true" className="logo" viewBox="0 0 32 32" width="22" height="22">
            <rect width="32" height="32" rx="6" fill="#fff" />
            <path d="M9 9h14v3H9zm5 5h4v9h-4z" fill="#1f3a5f" />
          </svg>{' '}
          Interdict
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={section === n.to || (n.to === '/portfolio' && section === '/reports') ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <KeyField attention={auth?.status === 401} />
      </header>
      {auth && (
        <div className={`banner ${auth.status === 401 ? 'warn' : 'bad'}`} role="alert" data-testid="auth-banner">
          {auth.status === 401 ? (
            <>
              <strong>An API key is needed.</strong> Enter your key in the field above; it is kept in this browser tab only. ({auth.detail})
            </>
          ) : (
            <>
              <strong>Not allowed with this key.</strong> {auth.detail}
            </>
          )}
        </div>
      )}
      <main id="main" ref={main} tabIndex={-1}>
        <Page path={path} />
      </main>
      <ShortcutHelp />
    </>
  );
}
