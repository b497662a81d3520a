import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from '../router/router';
import { BatonLogo } from '../ui/baton-logo';
import { UserMenu } from './user-menu';

/** At most this wide (px), the navigation is always folded behind the "Menu" button. */
const ALWAYS_FOLDED_WIDTH = 820;

/** An entry of the header navigation. */
export interface NavItem {
  to: string;
  label: string;
}

/**
 * The frame of every signed-in page: a skip link, the header (product name, navigation, user
 * menu) and the `<main>` landmark the page renders into. The navigation lists only pages that
 * exist; it is derived from the route table, so a new page appears by adding its route. On a
 * narrow screen, and wherever its entries do not fit in one row (an admin's nine at a laptop's
 * width), the navigation folds behind a "Menu" button that opens it as a panel.
 */
export function AppShell({ navigation, children }: { navigation: readonly NavItem[]; children: ReactNode }) {
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const headerRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const folded = useFoldedNavigation(listRef, navigation.length);

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
      <header className="topbar" ref={headerRef} data-folded={folded}>
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
            <ul ref={listRef}>
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

/**
 * Whether the navigation is folded: always up to ALWAYS_FOLDED_WIDTH, and when its entries
 * overflow their row. Measured before the browser paints, again on resize and once the fonts have
 * loaded; a fold for overflow remembers how wide the window must get for the row to fit.
 */
function useFoldedNavigation(listRef: React.RefObject<HTMLUListElement | null>, entries: number): boolean {
  const [folded, setFolded] = useState(() => window.innerWidth <= ALWAYS_FOLDED_WIDTH);
  const widthToUnfold = useRef(0);

  useLayoutEffect(() => {
    const measure = () => {
      const width = window.innerWidth;
      if (width <= ALWAYS_FOLDED_WIDTH) {
        setFolded(true);
      } else if (!folded) {
        const list = listRef.current;
        if (list && list.scrollWidth > list.clientWidth + 1) {
          widthToUnfold.current = width + list.scrollWidth - list.clientWidth;
          setFolded(true);
        }
      } else if (width >= widthToUnfold.current) {
        // Unfolded, the row is measured again (by this effect, as `folded` changes).
        setFolded(false);
      }
    };
    measure();
    window.addEventListener('resize', measure);
    void document.fonts?.ready.then(measure);
    return () => window.removeEventListener('resize', measure);
  }, [folded, entries, listRef]);

  // A different set of entries (another user) is measured afresh.
  useEffect(() => {
    widthToUnfold.current = 0;
  }, [entries]);

  return folded;
}

/** `/tasks` is current on `/tasks` and on `/tasks/123`; `/` only on `/`. */
function isCurrentSection(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}
