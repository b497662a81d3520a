import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from '../router/router';
import { BatonLogo } from '../ui/baton-logo';
import { UserMenu } from './user-menu';

/** An entry of the header navigation. */
export interface NavItem {
  to: string;
  label: string;
}

/**
 * The frame of every signed-in page: a skip link, the header (product name, navigation, user
 * menu) and the `<main>` landmark the page renders into. The navigation lists only pages that
 * exist; it is derived from the route table, so a new page appears by adding its route. On a
 * narrow screen the navigation folds behind a "Menu" button that opens it as a panel.
 */
export function AppShell({ navigation, children }: { navigation: readonly NavItem[]; children: ReactNode }) {
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const headerRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  // Any navigation closes the folded menu.
  useEffect(() => setMenuOpen(false), [pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!headerRef.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      toggleRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [menuOpen]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar" ref={headerRef}>
        <div className="topbar-inner">
          <button
            ref={toggleRef}
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls={navId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
              {menuOpen ? (
                <path d="m5 5 10 10M15 5 5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              ) : (
                <path d="M3 5.5h14M3 10h14M3 14.5h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              )}
            </svg>
            <span className="visually-hidden">Menu</span>
          </button>
          <Link to="/" className="brand" markCurrent={false} aria-label="Baton, home">
            <BatonLogo size={28} />
            <span className="brand-name">Baton</span>
          </Link>
          <nav id={navId} className="main-nav" aria-label="Main" data-open={menuOpen}>
            <ul>
              {navigation.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className="nav-link" markCurrent={false} aria-current={isCurrentSection(item.to, pathname) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <UserMenu />
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** `/tasks` is current on `/tasks` and on `/tasks/123`; `/` only on `/`. */
function isCurrentSection(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}
