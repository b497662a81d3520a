import { useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { assignUserTask, completeUserTask, getUserTask, unassignUserTask, type UserTask } from '../../api/user-tasks.api';
import { Link } from '../../router/router';
import { useApi, useSignedIn } from '../../session/session.context';
import { FormOrVariables, type InputsHandle } from '../../ui/form-or-variables';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { ModalDialog } from '../../ui/modal-dialog';
import { Spinner } from '../../ui/spinner';
import { usePolledQuery } from '../../ui/use-polled-query';
import { explainTaskProblem, isTaskConflict, type TaskAction } from './task-conflicts';
import { checkFormRules, formRules, type FormRule } from './form-rules';
import { contextVariables, formVariableNames } from './task-context';
import { TaskContextPanel, TaskFacts, TaskVariables } from './task-facts';
import { ListenerBadge } from './task-badges';
import { useTaskInputs } from './use-task-inputs';
import { TASK_LIST_REFRESH_MS } from './use-task-list';

export interface TaskDetailProps {
  userTaskKey: string;
  /** Where "Back to tasks" goes: the list with its view and filters. */
  listPath: string;
  /** Called after this page changed the task, so the list refreshes at once. */
  onChanged: () => void;
  now: number;
}

/**
 * One task: its facts, who holds it, its form (or a variables editor), and claim / unclaim /
 * complete. It re-reads the task as often as the list refreshes, so a colleague's claim shows
 * up by itself; a refused action is explained (who has the task now) and the task re-read.
 */
export function TaskDetail({ userTaskKey, listPath, onChanged, now }: TaskDetailProps) {
  const api = useApi();
  const { user } = useSignedIn();
  const username = user.username;
  const isAdmin = user.roles.includes('admin');
  const taskQuery = usePolledQuery(`task:${userTaskKey}`, (signal) => getUserTask(api, userTaskKey, signal), { intervalMs: TASK_LIST_REFRESH_MS });
  const { inputs, problem: inputsProblem } = useTaskInputs(api, userTaskKey);
  const inputsRef = useRef<InputsHandle | null>(null);
  const [pending, setPending] = useState<TaskAction | null>(null);
  const [message, setMessage] = useState<PageMessage | null>(null);
  const [completedByMe, setCompletedByMe] = useState(false);
  // A completion the form asks to confirm first (its `confirmWhen` rule holds).
  const [confirming, setConfirming] = useState<{ rule: FormRule; variables: Record<string, unknown> } | null>(null);
  const task = taskQuery.data;

  useNoticeColleagueChanges(task, username, setMessage, pending !== null);

  // A different task starts with a clean slate.
  useEffect(() => {
    setMessage(null);
    setCompletedByMe(false);
    setPending(null);
    setConfirming(null);
  }, [userTaskKey]);

  const run = async (action: TaskAction, call: () => Promise<void>, success: PageMessage) => {
    setPending(action);
    setMessage(null);
    try {
      await call();
      if (action === 'complete') setCompletedByMe(true);
      setMessage(success);
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'Unexpected error', String(error), 'CLIENT.UNEXPECTED');
      // Say who has the task now: read it again (it may be gone for this user, then null).
      const current = isTaskConflict(problem) ? await getUserTask(api, userTaskKey).catch(() => null) : (task ?? null);
      setMessage({ tone: 'error', text: explainTaskProblem(problem, action, current, username) });
    } finally {
      setPending(null);
      taskQuery.refresh();
      onChanged();
    }
  };

  if (!task) {
    if (taskQuery.problem) {
      return (
        <div className="task-detail">
          <BackLink to={listPath} />
          <h2 className="task-detail-title" tabIndex={-1}>
            Task {userTaskKey}
          </h2>
          <MessageRegion message={{ tone: 'error', text: taskQuery.problem.detail }} />
        </div>
      );
    }
    return (
      <div className="task-detail">
        <p className="page-loading" role="status">
          <Spinner /> Loading the task…
        </p>
      </div>
    );
  }

  const open = task.state === 'CREATED' && !completedByMe;
  const mine = task.assignee === username;
  const unassigned = !task.assignee;
  const mayWork = open && (mine || unassigned);
  const readOnly = !mayWork || pending === 'complete';

  const claim = () => run('claim', () => assignUserTask(api, userTaskKey, username), { tone: 'success', text: 'You claimed this task. It is yours until you complete or unclaim it.' });
  const unclaim = () =>
    run('unclaim', () => unassignUserTask(api, userTaskKey), { tone: 'success', text: mine ? 'You unclaimed this task; your groups can pick it up again.' : `You released this task from ${task.assignee}.` });
  const sendCompletion = (variables: Record<string, unknown>) =>
    void run('complete', () => completeUserTask(api, userTaskKey, variables), {
      tone: 'success',
      text: (
        <>
          You completed “{task.name}”; its process goes on. <Link to={listPath}>Back to your tasks</Link>
        </>
      ),
    });
  const complete = async () => {
    const collected = inputsRef.current?.collect();
    if (!collected) return;
    if (!collected.valid) {
      setMessage({ tone: 'error', text: `Not completed yet. ${collected.message}` });
      return;
    }
    setMessage(null);
    // The form's own rules (form-rules.ts): a field required only in some cases, a confirmation.
    const rules = formRules(inputs?.form?.schema as Record<string, unknown> | undefined);
    if (rules.length > 0) {
      const { evaluate } = await import('feelin');
      const outcome = checkFormRules(rules, { ...inputs?.data, ...collected.variables }, collected.variables, (expression, context) => evaluate(expression, context).value);
      if (outcome.kind === 'missing') {
        setMessage({ tone: 'error', text: `Not completed yet. ${outcome.rule.label}: ${outcome.rule.message}` });
        focusFormField(outcome.rule.componentId);
        return;
      }
      if (outcome.kind === 'confirm') {
        setConfirming({ rule: outcome.rule, variables: collected.variables });
        return;
      }
    }
    sendCompletion(collected.variables);
  };

  return (
    <article className="task-detail" aria-labelledby="task-detail-title">
      <BackLink to={listPath} />
      <header className="task-detail-header">
        <h2 id="task-detail-title" className="task-detail-title" tabIndex={-1}>
          {task.name}
        </h2>
        <StatusLine task={task} username={username} completedByMe={completedByMe} />
      </header>

      <TaskFacts task={task} username={username} now={now} />

      <div className="task-actions">
        {open && unassigned && (
          <button type="button" className="button button-secondary" onClick={claim} disabled={pending !== null}>
            {pending === 'claim' && <Spinner />}
            Claim
          </button>
        )}
        {open && task.assignee && (mine || isAdmin) && (
          <button type="button" className="button button-secondary" onClick={unclaim} disabled={pending !== null}>
            {pending === 'unclaim' && <Spinner />}
            {mine ? 'Unclaim' : `Release from ${task.assignee}`}
          </button>
        )}
      </div>

      <MessageRegion message={message} className="task-message" />
      {taskQuery.problem && <MessageRegion message={{ tone: 'warning', text: `Not refreshed: ${taskQuery.problem.detail}` }} />}

      <section className="task-work" aria-label="Task input">
        {inputsProblem && <MessageRegion message={{ tone: 'error', text: `The form could not be loaded: ${inputsProblem.detail}` }} />}
        {!inputs && !inputsProblem && (
          <p className="page-loading" role="status">
            <Spinner /> Loading the form…
          </p>
        )}
        {inputs && (
          <>
            {!inputs.form && task.externalFormReference && (
              <p className="notice notice-info">
                This task’s form is external: <a href={task.externalFormReference}>{task.externalFormReference}</a>. You can still complete it here with variables.
              </p>
            )}
            {(inputs.form || task.taskVariables) && (
              <TaskContextPanel variables={contextVariables(inputs.variables, task.taskVariables, formVariableNames(inputs.form?.schema as Record<string, unknown> | undefined))} />
            )}
            {!inputs.form && <TaskVariables variables={inputs.variables} />}
            <FormOrVariables
              key={userTaskKey}
              form={inputs.form}
              data={inputs.data}
              readOnly={readOnly}
              busy={pending !== null}
              handleRef={inputsRef}
              formLabel={`Form: ${task.name}`}
              editorLegend="Variables to set when completing"
            />
          </>
        )}
        {mayWork && inputs && (
          <div className="task-complete-row">
            <button type="button" className="button button-primary button-large" onClick={() => void complete()} disabled={pending !== null}>
              {pending === 'complete' && <Spinner />}
              {pending === 'complete' ? 'Completing…' : mine ? 'Complete task' : 'Claim and complete'}
            </button>
            {unassigned && <p className="muted task-complete-hint">Completing an unclaimed task claims it for you first.</p>}
          </div>
        )}
        {confirming && (
          <ModalDialog title="Are you sure?" onClose={() => setConfirming(null)}>
            <p className="confirm-dialog-text">{confirming.rule.message}</p>
            <div className="confirm-dialog-actions">
              <button type="button" className="button button-secondary" data-autofocus onClick={() => setConfirming(null)}>
                Go back
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  const { variables } = confirming;
                  setConfirming(null);
                  sendCompletion(variables);
                }}
              >
                {confirming.rule.confirmLabel}
              </button>
            </div>
          </ModalDialog>
        )}
      </section>
    </article>
  );
}

/** Moves focus to the form-js field of a component (its input's id ends in `-<componentId>`). */
function focusFormField(componentId: string): void {
  if (!componentId) return;
  window.requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(`.task-work [id$="-${CSS.escape(componentId)}"]`);
    field?.focus();
  });
}

function BackLink({ to }: { to: string }) {
  return (
    <Link to={to} className="task-back-link" markCurrent={false}>
      ← All tasks
    </Link>
  );
}

/** One sentence on where the task stands and what the user can do with it. */
function StatusLine({ task, username, completedByMe }: { task: UserTask; username: string; completedByMe: boolean }) {
  let text: string;
  if (completedByMe) text = 'You completed this task.';
  else if (task.state === 'COMPLETED') text = `Completed${task.assignee ? ` by ${task.assignee === username ? 'you' : task.assignee}` : ''}. Shown read-only.`;
  else if (task.state === 'CANCELED') text = 'Canceled: its process moved on without it. Shown read-only.';
  else if (task.state !== 'CREATED') {
    return (
      <p className="task-status-line" data-state={task.state}>
        <ListenerBadge state={task.state} /> Task listeners are checking this task; it is read-only until they are done.
      </p>
    );
  }
  else if (!task.assignee) text = 'Unassigned: claim it so your colleagues know you are on it, or complete it right away.';
  else if (task.assignee === username) text = 'Assigned to you.';
  else text = `${task.assignee} has claimed this task. You can read it; only ${task.assignee} can complete it.`;
  return (
    <p className="task-status-line" data-state={task.state}>
      {text}
    </p>
  );
}

/**
 * Says so when the task changes under the user's eyes (a colleague claims, releases or completes
 * it) between two refreshes; changes made by this page itself are announced by its actions.
 */
function useNoticeColleagueChanges(task: UserTask | undefined, username: string, setMessage: (message: PageMessage) => void, acting: boolean): void {
  const previous = useRef<{ key: string; assignee?: string; state: string } | null>(null);
  // Set while this page acts; the first change read after that is the action's own outcome.
  const ownChange = useRef(false);
  const actingNow = useRef(acting);
  actingNow.current = acting;
  if (acting) ownChange.current = true;

  useEffect(() => {
    if (!task) return;
    const before = previous.current;
    previous.current = { key: task.userTaskKey, assignee: task.assignee, state: task.state };
    if (!before || before.key !== task.userTaskKey) return;
    const changed = before.assignee !== task.assignee || before.state !== task.state;
    if (!changed) {
      if (!actingNow.current) ownChange.current = false;
      return;
    }
    if (ownChange.current) {
      ownChange.current = false;
      return;
    }
    if (before.state === 'CREATED' && task.state !== 'CREATED') {
      const by = task.assignee && task.assignee !== username ? ` by ${task.assignee}` : '';
      setMessage({ tone: 'warning', text: `This task was ${task.state === 'COMPLETED' ? 'completed' : 'canceled'}${by} while you had it open.` });
    } else if (task.assignee !== username) {
      setMessage({ tone: 'warning', text: task.assignee ? `${task.assignee} claimed this task while you had it open.` : `${before.assignee} released this task; you can claim it now.` });
    }
  }, [task, username, setMessage]);
}
