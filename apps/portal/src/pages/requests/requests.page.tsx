import { useEffect, useMemo, useState } from 'react';
import { getMyRequest, searchMyRequests, type MyRequest, type MyRequestFilter, type RequestStatus } from '../../api/my-requests.api';
import type { PageProps } from '../../route-table';
import { Link, useLocation } from '../../router/router';
import { useApi, useSignedIn } from '../../session/session.context';
import { formatDateTime, formatDateTimeSeconds } from '../../ui/format-time';
import { MessageRegion } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
import { usePolledQuery } from '../../ui/use-polled-query';
import { STATUS_LABELS, stepOutcome, whereItStands } from './request-text';

/** How often the list and an open request are read again while the tab is visible. */
const REFRESH_MS = 5000;
const PAGE_SIZE = 50;

type Show = 'open' | 'ended' | 'all';
const SHOWS: ReadonlyArray<{ show: Show; label: string; filter: MyRequestFilter }> = [
  { show: 'all', label: 'All', filter: {} },
  { show: 'open', label: 'Open', filter: { state: 'ACTIVE' } },
  { show: 'ended', label: 'Finished', filter: { state: { $in: ['COMPLETED', 'TERMINATED'] } } },
];

/**
 * `/requests` and `/requests/:processInstanceKey`: "My requests", the process instances the
 * signed-in user started and where each stands (`POST /v2/my-requests/search`), and one request
 * with every step it took (`GET /v2/my-requests/{key}`). For everyone with the task list,
 * employees included, who cannot open Operate; the engine only ever answers one's own.
 */
export function RequestsPage({ params }: PageProps) {
  return params.processInstanceKey ? <RequestDetails processInstanceKey={params.processInstanceKey} /> : <RequestList />;
}

function RequestList() {
  const api = useApi();
  const { user } = useSignedIn();
  const location = useLocation();
  const show = useMemo<Show>(() => {
    const value = new URLSearchParams(location.search).get('show');
    return value === 'open' || value === 'ended' ? value : 'all';
  }, [location.search]);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const filter = SHOWS.find((s) => s.show === show)!.filter;
  const list = usePolledQuery(`requests:${show}:${limit}`, (signal) => searchMyRequests(api, { filter, sort: [{ field: 'startDate', order: 'DESC' }], page: { limit } }, signal), { intervalMs: REFRESH_MS });

  return (
    <div className="requests-page">
      <h1 className="page-title" tabIndex={-1} data-page-heading>
        My requests
      </h1>
      <p className="page-intro muted">What you started and where each stands. Updates by itself.</p>
      <nav className="request-shows" aria-label="Which requests">
        <ul>
          {SHOWS.map((s) => (
            <li key={s.show}>
              <Link to={s.show === 'all' ? '/requests' : `/requests?show=${s.show}`} replace markCurrent={false} className="request-show-tab" aria-current={s.show === show ? 'page' : undefined}>
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.problem && <MessageRegion message={{ tone: 'error', text: list.data ? `Not refreshed: ${list.problem.detail}` : list.problem.detail }} />}
      {list.loading && !list.data && (
        <p className="page-loading" role="status">
          <Spinner /> Loading your requests…
        </p>
      )}
      {list.data && list.data.items.length === 0 && (
        <div className="card empty-state">
          <p>{show === 'all' ? 'You have not started anything yet.' : show === 'open' ? 'None of your requests is open.' : 'None of your requests has finished yet.'}</p>
          <p className="muted">
            <Link to="/start">Start a process</Link> and it shows up here.
          </p>
        </div>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <ul className="request-list" aria-label="Your requests">
            {list.data.items.map((request) => (
              <li key={request.processInstanceKey}>
                <RequestItem request={request} username={user.username} />
              </li>
            ))}
          </ul>
          <p className="task-list-footer muted">
            {list.data.items.length < list.data.page.totalItems ? (
              <>
                Showing {list.data.items.length} of {list.data.page.totalItems}.{' '}
                <button type="button" className="link-button" onClick={() => setLimit((value) => value + PAGE_SIZE)}>
                  Show more
                </button>
              </>
            ) : (
              `${list.data.page.totalItems} ${list.data.page.totalItems === 1 ? 'request' : 'requests'}`
            )}
          </p>
        </>
      )}
    </div>
  );
}

function RequestItem({ request, username }: { request: MyRequest; username: string }) {
  return (
    <Link to={`/requests/${request.processInstanceKey}`} className="request-item card" markCurrent={false}>
      <span className="request-item-head">
        <span className="request-item-name">{request.processDefinitionName}</span>
        <StatusBadge status={request.status} />
      </span>
      {request.businessId && <span className="request-item-business-id">{request.businessId}</span>}
      <span className="request-item-where">{whereItStands(request, username)}</span>
      <span className="request-item-foot muted">
        Started <time dateTime={request.startDate}>{formatDateTime(request.startDate)}</time>
        {request.endDate && (
          <>
            {' · ended '}
            <time dateTime={request.endDate}>{formatDateTime(request.endDate)}</time>
          </>
        )}
      </span>
    </Link>
  );
}

function StatusBadge({ status }: { status: RequestStatus }) {
  return (
    <span className="badge request-status" data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}

function RequestDetails({ processInstanceKey }: { processInstanceKey: string }) {
  const api = useApi();
  const { user } = useSignedIn();
  const [live, setLive] = useState(true);
  const query = usePolledQuery(
    `request:${processInstanceKey}`,
    async (signal) => {
      const request = await getMyRequest(api, processInstanceKey, signal);
      setLive(request.state === 'ACTIVE');
      return request;
    },
    { intervalMs: live ? REFRESH_MS : 0 },
  );
  const request = query.data;
  // Another user's request (or none) will not appear by asking again.
  const notFound = query.problem?.status === 404;
  useEffect(() => {
    if (notFound) setLive(false);
  }, [notFound]);

  return (
    <article className="requests-page request-details" aria-labelledby="request-title">
      <Link to="/requests" className="request-back-link" markCurrent={false}>
        ← My requests
      </Link>
      {!request && query.problem && (
        <>
          <h1 id="request-title" className="page-title" tabIndex={-1} data-page-heading>
            Request {processInstanceKey}
          </h1>
          <MessageRegion message={{ tone: 'error', text: query.problem.status === 404 ? 'This is not one of your requests, or it does not exist.' : query.problem.detail }} />
        </>
      )}
      {!request && !query.problem && (
        <p className="page-loading" role="status">
          <Spinner /> Loading the request…
        </p>
      )}
      {request && (
        <>
          <header className="request-details-header">
            <h1 id="request-title" className="page-title" tabIndex={-1} data-page-heading>
              {request.processDefinitionName}
            </h1>
            <StatusBadge status={request.status} />
          </header>
          <p className="request-details-where">{whereItStands(request, user.username)}</p>
          {request.status === 'DELAYED' && (
            <p className="notice notice-warning">Something went wrong in a step that runs by itself. The people who run Baton have been told and are fixing it; your request goes on once they have.</p>
          )}
          {query.problem && <MessageRegion message={{ tone: 'warning', text: `Not refreshed: ${query.problem.detail}` }} />}
          <dl className="task-facts">
            {request.businessId && (
              <div>
                <dt>Business id</dt>
                <dd className="task-business-id">{request.businessId}</dd>
              </div>
            )}
            <div>
              <dt>Started</dt>
              <dd>
                <time dateTime={request.startDate}>{formatDateTimeSeconds(request.startDate)}</time>
              </dd>
            </div>
            {request.endDate && (
              <div>
                <dt>{request.status === 'CANCELED' ? 'Canceled' : 'Completed'}</dt>
                <dd>
                  <time dateTime={request.endDate}>{formatDateTimeSeconds(request.endDate)}</time>
                </dd>
              </div>
            )}
            <div>
              <dt>Request number</dt>
              <dd className="mono">{request.processInstanceKey}</dd>
            </div>
          </dl>
          <section aria-labelledby="request-steps-title">
            <h2 id="request-steps-title" className="card-title">
              Steps
            </h2>
            {request.steps.length === 0 ? (
              <p className="muted">No steps yet.</p>
            ) : (
              <ol className="request-steps">
                {request.steps.map((step) => (
                  <li key={step.elementInstanceKey} className="request-step" data-state={step.hasIncident ? 'DELAYED' : step.state}>
                    <span className="request-step-name">{step.elementName}</span>
                    <span className="request-step-outcome">{stepOutcome(step, user.username)}</span>
                    <span className="request-step-time muted">
                      <time dateTime={step.startDate}>{formatDateTimeSeconds(step.startDate)}</time>
                      {step.endDate && (
                        <>
                          {' → '}
                          <time dateTime={step.endDate}>{formatDateTimeSeconds(step.endDate)}</time>
                        </>
                      )}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </article>
  );
}
