import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { ApiProblem } from '../../api/api-problem';
import { listFormVersions, listProcessVersions } from '../../api/deployments.api';
import { useApi } from '../../session/session.context';
import type { DeployedFormsState } from './deployed-forms.module';
import type { DeployedListState, DeployedVersion } from './deployed-list';

function messageOf(error: unknown): string {
  return error instanceof ApiProblem ? error.detail : 'The engine answered unexpectedly.';
}

type Loader = (api: ApiClient, signal: AbortSignal) => Promise<DeployedVersion[]>;

const loadProcesses: Loader = async (api, signal) =>
  (await listProcessVersions(api, signal)).map((p) => ({ key: p.processDefinitionKey, id: p.processDefinitionId, name: p.name, version: p.version, versionTag: p.versionTag }));

const loadForms: Loader = async (api, signal) => (await listFormVersions(api, { signal })).map((f) => ({ key: f.formKey, id: f.formId, version: f.version }));

function useDeployedList(loader: Loader): { state: DeployedListState; reload: () => void } {
  const api = useApi();
  const [state, setState] = useState<DeployedListState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    loader(api, controller.signal).then(
      (items) => setState({ status: 'loaded', items }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [api, loader, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, reload };
}

/** Every deployed process version, for the modeler's sidebar; `reload` after a deployment. */
export function useProcessVersions() {
  return useDeployedList(loadProcesses);
}

/** Every deployed form version, for the form editor's sidebar; `reload` after a deployment. */
export function useFormVersions() {
  return useDeployedList(loadForms);
}

/**
 * The newest version of every deployed form id, for the properties panel's "Deployed form"
 * select. Loaded when the page opens and again whenever the window regains focus (a form may
 * have been deployed in another tab meanwhile).
 */
export function useDeployedForms(): DeployedFormsState {
  const api = useApi();
  const [state, setState] = useState<DeployedFormsState>({ status: 'loading' });

  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      const { signal } = controller;
      listFormVersions(api, { latestOnly: true, signal }).then(
        (forms) => setState({ status: 'loaded', forms: forms.map(({ formId, version }) => ({ formId, version })) }),
        (error: unknown) => {
          if (!signal.aborted) setState({ status: 'failed', message: messageOf(error) });
        },
      );
    };
    load();
    window.addEventListener('focus', load);
    return () => {
      window.removeEventListener('focus', load);
      controller.abort();
    };
  }, [api]);

  return state;
}
