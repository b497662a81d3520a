import { useId, useMemo, useState } from 'react';
import { Link } from '../../router/router';
import { Spinner } from '../../ui/spinner';

/** One deployed version of a process or form. */
export interface DeployedVersion {
  /** The process definition key or form key: what the version's page is opened by. */
  key: string;
  /** The process id or form id the versions share. */
  id: string;
  name?: string;
  version: number;
  versionTag?: string;
}

/** The versions as the page loaded them. */
export type DeployedListState = { status: 'loading' } | { status: 'loaded'; items: readonly DeployedVersion[] } | { status: 'failed'; message: string };

interface Group {
  id: string;
  name?: string;
  /** Newest first. */
  versions: DeployedVersion[];
}

function groupById(items: readonly DeployedVersion[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const group = groups.get(item.id) ?? { id: item.id, versions: [] };
    group.versions.push(item);
    groups.set(item.id, group);
  }
  for (const group of groups.values()) {
    group.versions.sort((a, b) => b.version - a.version);
    group.name = group.versions[0]?.name;
  }
  return [...groups.values()];
}

/** What the sidebar lists and how it names things. */
export interface DeployedListProps {
  /** "Deployed processes", "Deployed forms". */
  title: string;
  /** "processes", "forms" (in the filter's label). */
  noun: string;
  state: DeployedListState;
  /** The key of the version on screen, marked in the list. */
  currentKey: string | null;
  /** The path that opens a version. */
  pathFor: (key: string) => string;
  emptyText: string;
  onReload: () => void;
}

/**
 * The sidebar of deployed versions: one entry per id (with its newest name), listing its
 * versions as links that open them, and a filter by name or id. On a phone it folds away
 * behind a toggle.
 */
export function DeployedList({ title, noun, state, currentKey, pathFor, emptyText, onReload }: DeployedListProps) {
  const [filter, setFilter] = useState('');
  const [expandedOnPhone, setExpandedOnPhone] = useState(false);
  const listId = useId();
  const filterId = useId();
  const groups = useMemo(() => (state.status === 'loaded' ? groupById(state.items) : []), [state]);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? groups.filter((g) => g.id.toLowerCase().includes(needle) || (g.name ?? '').toLowerCase().includes(needle)) : groups;

  return (
    <aside className="deployed-list" aria-labelledby={`${listId}-heading`}>
      <div className="deployed-list-header">
        <h2 id={`${listId}-heading`} className="deployed-list-title">
          {title}
        </h2>
        <button
          type="button"
          className="button button-secondary button-small deployed-list-toggle"
          aria-expanded={expandedOnPhone}
          aria-controls={listId}
          onClick={() => setExpandedOnPhone((value) => !value)}
        >
          {expandedOnPhone ? 'Hide' : `Show (${groups.length})`}
        </button>
      </div>
      <div id={listId} className="deployed-list-body" data-expanded={expandedOnPhone}>
        {state.status === 'loading' && (
          <p className="muted deployed-list-note" role="status">
            <Spinner /> Loading {noun}…
          </p>
        )}
        {state.status === 'failed' && (
          <div className="deployed-list-note" role="alert">
            <p className="form-error">{state.message}</p>
            <button type="button" className="button button-secondary button-small" onClick={onReload}>
              Try again
            </button>
          </div>
        )}
        {state.status === 'loaded' && groups.length === 0 && <p className="muted deployed-list-note">{emptyText}</p>}
        {state.status === 'loaded' && groups.length > 0 && (
          <>
            <div className="field deployed-list-filter">
              <label htmlFor={filterId} className="visually-hidden">
                Filter {noun}
              </label>
              <input id={filterId} type="search" placeholder="Filter by name or id" value={filter} onChange={(event) => setFilter(event.target.value)} />
            </div>
            {shown.length === 0 && <p className="muted deployed-list-note">Nothing matches “{filter.trim()}”.</p>}
            <ul className="deployed-list-groups">
              {shown.map((group) => (
                <li key={group.id}>
                  <GroupEntry group={group} currentKey={currentKey} pathFor={pathFor} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </aside>
  );
}

function GroupEntry({ group, currentKey, pathFor }: { group: Group; currentKey: string | null; pathFor: (key: string) => string }) {
  const containsCurrent = group.versions.some((v) => v.key === currentKey);
  const latest = group.versions[0];
  const label = group.name ?? group.id;
  return (
    <details className="deployed-group" open={containsCurrent || undefined}>
      <summary>
        <span className="deployed-group-name">{label}</span>
        <span className="deployed-group-meta">
          {group.name && <code>{group.id}</code>}
          {group.name && ' · '}
          {group.versions.length === 1 ? '1 version' : `${group.versions.length} versions`}
        </span>
      </summary>
      <ul className="deployed-versions" aria-label={`Versions of ${label}`}>
        {group.versions.map((version) => (
          <li key={version.key}>
            <Link to={pathFor(version.key)} className="deployed-version-link" aria-current={version.key === currentKey ? 'page' : undefined} markCurrent={false}>
              Version {version.version}
              {version === latest && <span className="badge deployed-latest-badge">latest</span>}
              {version.versionTag && <span className="deployed-version-tag">{version.versionTag}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
