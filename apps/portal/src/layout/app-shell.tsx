import type { ReactNode } from 'react';
import { Link } from '../router/router';
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
 * exist; it is derived from the route table, so a new page appears by adding its route.
 */
export function AppShell({ navigation, children }: { navigation: readonly NavItem[]; children: ReactNode }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand" markCurrent={false} aria-label="Baton, home">
            <BatonLogo size={28} />
            <span className="brand-name">Baton</span>
          </Link>
          <nav className="main-nav" aria-label="Main">
            <ul>
              {navigation.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className="nav-link">
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
