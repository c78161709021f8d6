import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { csrfToken, type Me } from '../api';
import { useSession } from '../session';
import { focusById } from './govuk';

const NAVIGATION: Array<[string, string]> = [
  ['/', 'Home'],
  ['/plans', 'Plans'],
  ['/actions', 'Actions'],
  ['/indicators', 'Indicators'],
  ['/risks', 'Risks'],
  ['/budgets', 'Budgets'],
  ['/report', 'Committee report'],
  ['/notifications', 'Notifications'],
];

function SignOut() {
  // Spring Security signs out on POST /logout with the CSRF token.
  return (
    <form method="post" action="/logout" className="wp-signout">
      <input type="hidden" name="_csrf" value={csrfToken() ?? ''} />
      <button type="submit" className="govuk-link wp-link-button">Sign out</button>
    </form>
  );
}

/** Who is signed in: the person's name from Keycloak, with the username they signed in with (or the username alone). */
export function SignedInAs({ me }: { me: Me }) {
  const name = me.name?.trim();
  if (!name || name === me.username) {
    return <span>Signed in as <strong data-testid="username">{me.username}</strong></span>;
  }
  return (
    <span>Signed in as <strong data-testid="name">{name}</strong>{' '}
      <span className="wp-header__username">(<span data-testid="username">{me.username}</span>)</span>
    </span>
  );
}

/** The page frame: skip link, header with who is signed in, service navigation, main, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // After navigating, move focus to the main content, as a page load would reset it.
    if (first.current) { first.current = false; return; }
    main.current?.focus();
    window.scrollTo?.(0, 0);
  }, [location.pathname]);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link"
        onClick={(e) => { e.preventDefault(); focusById('main-content'); }}>Skip to main content</a>
      <header className="govuk-generic-header wp-header" role="banner">
        <div className="govuk-generic-header__container govuk-width-container wp-header__container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link wp-header__name">Waypoint</Link>
          </div>
          <div className="wp-header__who">
            {loading ? <span>Checking who you are…</span> : me ? (
              <>
                <SignedInAs me={me} />
                <SignOut />
              </>
            ) : <a className="govuk-link wp-header__link" href="/oauth2/authorization/keycloak">Sign in</a>}
          </div>
        </div>
      </header>
      <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {NAVIGATION.map(([to, text]) => (
                  <li key={to} className={`govuk-service-navigation__item${isActive(location.pathname, to) ? ' govuk-service-navigation__item--active' : ''}`}>
                    <NavLink to={to} end={to === '/'} className="govuk-service-navigation__link"
                      aria-current={isActive(location.pathname, to) ? (location.pathname === to ? 'page' : 'true') : undefined}>
                      {isActive(location.pathname, to) ? <strong className="govuk-service-navigation__active-fallback">{text}</strong> : text}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1} ref={main}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">Support links</h2>
              <ul className="govuk-footer__inline-list">
                
                <li className="govuk-footer__inline-list-item"><Link className="govuk-footer__link" to="/accessibility">Accessibility</Link></li>
              </ul>
              <p className="govuk-body-s">Waypoint: plans, indicators, risks and budgets for public services. Open source.</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}

function isActive(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  if (to === '/plans') return pathname.startsWith('/plans');
  return pathname === to || pathname.startsWith(`${to}/`);
}

export function PageTitle({ title, caption }: { title: string; caption?: string }) {
  useEffect(() => { document.title = `${title} – Waypoint`; }, [title]);
  return (
    <>
      {caption && <span className="govuk-caption-l">{caption}</span>}
      <h1 className="govuk-heading-l">{title}</h1>
    </>
  );
}
