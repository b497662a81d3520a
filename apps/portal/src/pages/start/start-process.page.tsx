import { useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../api/api-problem';
import type { RenderableForm } from '../../api/forms.api';
import { getProcessDefinition, getStartForm, processLabel, type ProcessDefinition } from '../../api/process-definitions.api';
import { startProcessInstance, type StartedProcessInstance } from '../../api/process-instances.api';
import { OPEN_TASK_STATES, searchUserTasks, type UserTask } from '../../api/user-tasks.api';
import type { PageProps } from '../../route-table';
import { Link } from '../../router/router';
import { useApi, useSignedIn } from '../../session/session.context';
import { FormOrVariables, type InputsHandle } from '../../ui/form-or-variables';
import { MessageRegion, type PageMessage } from '../../ui/message-region';
import { instancePagePath } from '../../ui/route-access';
import { Spinner } from '../../ui/spinner';

/** No variables before the start: the form's data starts empty. */
const NO_DATA: Record<string, unknown> = {};

/**
 * `/start/:processDefinitionKey`: the start event's form (or a variables editor), validated
 * before anything is sent; then `POST /v2/process-instances`, the new instance's key, and a link
 * to the first task of it the user may see.
 */
export function StartProcessPage({ params }: PageProps) {
  const api = useApi();
  const { user } = useSignedIn();
  const key = params.processDefinitionKey!;
  const [loaded, setLoaded] = useState<{ definition: ProcessDefinition; form: RenderableForm | null } | null>(null);
  const [loadProblem, setLoadProblem] = useState<ApiProblem | null>(null);
  const [message, setMessage] = useState<PageMessage | null>(null);
  const [starting, setStarting] = useState(false);
  const [started, setStarted] = useState<{ instance: StartedProcessInstance; tasks: UserTask[] } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const inputsRef = useRef<InputsHandle | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded(null);
    setLoadProblem(null);
    Promise.all([getProcessDefinition(api, key, controller.signal), getStartForm(api, key, controller.signal)]).then(
      ([definition, form]) => setLoaded({ definition, form }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoadProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'Unexpected error', String(error), 'CLIENT.UNEXPECTED'));
      },
    );
    return () => controller.abort();
  }, [api, key]);

  useEffect(() => {
    if (started) resultRef.current?.focus();
  }, [started]);

  const start = async () => {
    if (!loaded || starting) return;
    const collected = inputsRef.current?.collect();
    if (!collected) return;
    if (!collected.valid) {
      setMessage({ tone: 'error', text: `Not started yet. ${collected.message}` });
      return;
    }
    setStarting(true);
    setMessage(null);
    try {
      const instance = await startProcessInstance(api, { processDefinitionKey: key, variables: collected.variables });
      // The first wait state is reached in the starting transaction: its tasks are there already.
      const tasks = await searchUserTasks(api, { filter: { processInstanceKey: instance.processInstanceKey, state: { $in: OPEN_TASK_STATES } }, sort: [{ field: 'creationDate' }], page: { limit: 10 } })
        .then((result) => result.items)
        .catch(() => []);
      setStarted({ instance, tasks });
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof ApiProblem ? error.detail : String(error) });
    } finally {
      setStarting(false);
    }
  };

  const startAnother = () => {
    setStarted(null);
    setMessage(null);
    setAttempt((value) => value + 1);
  };

  const title = loaded ? processLabel(loaded.definition) : 'Start a process';
  return (
    <div className="start-process-page">
      <Link to="/start" className="task-back-link" markCurrent={false}>
        ← All processes
      </Link>
      <h1 className="page-title" tabIndex={-1} data-page-heading>
        {loaded ? `Start “${title}”` : 'Start a process'}
      </h1>
      {loaded && (
        <p className="page-intro muted">
          {loaded.definition.processDefinitionId} · version {loaded.definition.version}
        </p>
      )}

      {loadProblem && <MessageRegion message={{ tone: 'error', text: loadProblem.detail }} />}
      {!loaded && !loadProblem && (
        <p className="page-loading" role="status">
          <Spinner /> Loading…
        </p>
      )}

      {loaded && started && (
        <div ref={resultRef} className="card start-result" tabIndex={-1} role="status" aria-labelledby="start-result-title">
          <h2 id="start-result-title" className="start-result-title">
            Started “{title}”
          </h2>
          <p>
            Instance key <code className="start-instance-key">{started.instance.processInstanceKey}</code>
            {instancePagePath(started.instance.processInstanceKey, user) && (
              <>
                {' · '}
                <Link to={instancePagePath(started.instance.processInstanceKey, user)!}>Follow it in Operate</Link>
              </>
            )}
          </p>
          {started.tasks.length > 0 ? (
            <div>
              <p>{started.tasks.length === 1 ? 'It has a task for you:' : 'It has tasks for you:'}</p>
              <ul className="start-result-tasks">
                {started.tasks.map((task) => (
                  <li key={task.userTaskKey}>
                    <Link to={`/tasks/${task.userTaskKey}`}>Open “{task.name}”</Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted">Nothing in it waits for you right now: it is with the people or systems that take it from here.</p>
          )}
          <div className="button-row start-result-actions">
            <button type="button" className="button button-primary" onClick={startAnother}>
              Start another
            </button>
            <Link to="/start" className="button button-secondary" markCurrent={false}>
              Back to processes
            </Link>
          </div>
        </div>
      )}

      {loaded && !started && (
        <div className="card start-form-card">
          <FormOrVariables
            key={attempt}
            form={loaded.form}
            data={NO_DATA}
            busy={starting}
            handleRef={inputsRef}
            formLabel={`Start form: ${title}`}
            editorLegend="Variables to start with"
          />
          <MessageRegion message={message} className="start-message" />
          <div className="start-submit-row">
            <button type="button" className="button button-primary button-large" onClick={start} disabled={starting}>
              {starting && <Spinner />}
              {starting ? 'Starting…' : 'Start process'}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
