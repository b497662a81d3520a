import { Link, useLocation } from '../router/router';

/** Any path no route matches. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div className="empty-state">
      <h1 className="page-title" tabIndex={-1} data-page-heading>
        Page not found
      </h1>
      <p className="muted">
        There is no page at <code>{pathname}</code>.
      </p>
      <Link to="/" className="button button-primary">
        Go to Home
      </Link>
    </div>
  );
}
