import type { TaskVariable, UserTask } from '../../api/user-tasks.api';
import { Link } from '../../router/router';
import { useSignedIn } from '../../session/session.context';
import { formatDateTime } from '../../ui/format-time';
import { instancePagePath } from '../../ui/route-access';
import { AssigneePill, DueDate, PriorityBadge } from './task-badges';
import { displayValue, variableLabel } from './task-context';

/** Name, process and the facts of a task: created, due, follow-up, priority, assignee, candidates. */
export function TaskFacts({ task, username, now }: { task: UserTask; username: string; now: number }) {
  const { user } = useSignedIn();
  const instancePath = instancePagePath(task.processInstanceKey, user);
  return (
    <dl className="task-facts">
      <div>
        <dt>Process</dt>
        <dd>
          {task.processName ?? task.processDefinitionId} <span className="muted">v{task.processDefinitionVersion}</span>
          {instancePath && (
            <>
              {' · '}
              <Link to={instancePath}>instance</Link>
            </>
          )}
        </dd>
      </div>
      {task.businessId && (
        <div>
          <dt>Business id</dt>
          <dd className="task-business-id">{task.businessId}</dd>
        </div>
      )}
      {task.processInstanceStartedBy && task.processInstanceStartDate && (
        <div>
          <dt>Requested by</dt>
          <dd>
            {startedByText(task.processInstanceStartedBy, username)}
            <br />
            <time className="muted" dateTime={task.processInstanceStartDate}>
              {formatDateTime(task.processInstanceStartDate)}
            </time>
          </dd>
        </div>
      )}
      <div>
        <dt>Created</dt>
        <dd>
          <time dateTime={task.creationDate}>{formatDateTime(task.creationDate)}</time>
        </dd>
      </div>
      <div>
        <dt>Due</dt>
        <dd>{task.dueDate ? <DueDate iso={task.dueDate} now={now} /> : <span className="muted">No due date</span>}</dd>
      </div>
      {task.followUpDate && (
        <div>
          <dt>Follow up</dt>
          <dd>
            <time dateTime={task.followUpDate}>{formatDateTime(task.followUpDate)}</time>
          </dd>
        </div>
      )}
      <div>
        <dt>Priority</dt>
        <dd>
          <PriorityBadge priority={task.priority} />
        </dd>
      </div>
      <div>
        <dt>Assignee</dt>
        <dd>
          <AssigneePill task={task} username={username} />
        </dd>
      </div>
      <div className="task-facts-wide">
        <dt>Offered to</dt>
        <dd>
          {task.candidateGroups.length + task.candidateUsers.length === 0 ? (
            <span className="muted">Everyone (no candidates)</span>
          ) : (
            <ul className="tag-list" aria-label="Candidates">
              {task.candidateGroups.map((group) => (
                <li key={`g-${group}`}>
                  <span className="chip">group {group}</span>
                </li>
              ))}
              {task.candidateUsers.map((user) => (
                <li key={`u-${user}`}>
                  <span className="chip">{user === username ? 'you' : user}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      {task.completionDate && (
        <div>
          <dt>Completed</dt>
          <dd>
            <time dateTime={task.completionDate}>{formatDateTime(task.completionDate)}</time>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** Who started the instance, in words: "you", a user, a worker, or the engine (timers, messages). */
export function startedByText(startedBy: string, username: string): string {
  if (startedBy === username) return 'you';
  if (startedBy === 'system') return 'the engine (a timer or message)';
  if (startedBy.startsWith('worker:')) return `worker ${startedBy.slice('worker:'.length)}`;
  return startedBy;
}

/**
 * The task's business context: the variables its model names (or all it sees) that the form
 * does not show, read-only, above the form.
 */
export function TaskContextPanel({ variables }: { variables: readonly TaskVariable[] }) {
  if (variables.length === 0) return null;
  return (
    <section className="task-context" aria-labelledby="task-context-title">
      <h3 id="task-context-title" className="task-context-title">
        About this request
      </h3>
      <dl>
        {variables.map((variable) => (
          <div key={variable.name}>
            <dt title={variable.name}>{variableLabel(variable.name)}</dt>
            <dd>{displayValue(variable.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The variables a task sees, read-only (shown for tasks without a form). */
export function TaskVariables({ variables }: { variables: readonly TaskVariable[] }) {
  if (variables.length === 0) return <p className="muted">This task sees no variables.</p>;
  return (
    <details className="task-variables">
      <summary>
        Variables of this task <span className="muted">({variables.length})</span>
      </summary>
      <dl>
        {variables.map((variable) => (
          <div key={variable.name}>
            <dt>{variable.name}</dt>
            <dd>
              <code>{variable.value}</code>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
