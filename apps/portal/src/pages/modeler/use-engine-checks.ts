import { useEffect, useRef } from 'react';
import { validateFiles } from '../../api/deployments.api';
import { useApi } from '../../session/session.context';
import type { BpmnEditor } from './bpmn-editor';

/** How long after the last edit the engine is asked: typing a name is one request, not one per key. */
export const ENGINE_CHECK_DELAY_MS = 700;

/**
 * Baton's own deploy rules while the analyst models. They are TypeScript (libs/bpmn), but they
 * evaluate FEEL with the engine's FEEL service, which needs Node (`node:vm`, `node:crypto`), and
 * the portal talks to the engine over HTTP only (an ESLint rule); so the page sends the diagram
 * to `POST /v2/deployments/validation` a moment after each edit (and after opening one), and the
 * engine's problems join the live findings. A failed request changes nothing (the next edit asks
 * again); an answer about an older state of the diagram is dropped.
 */
export function useEngineChecks(editor: BpmnEditor | null, resourceName: () => string, enabled: boolean): void {
  const api = useApi();
  const nameRef = useRef(resourceName);
  nameRef.current = resourceName;

  useEffect(() => {
    if (!editor || !enabled) return;
    let timer: number | undefined;
    let controller: AbortController | null = null;
    const check = async () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      if (editor.processes().length === 0) {
        editor.setEngineProblems([]);
        return;
      }
      try {
        const xml = await editor.saveXml();
        const { problems } = await validateFiles(api, [{ name: nameRef.current(), content: xml }], current.signal);
        if (!current.signal.aborted) editor.setEngineProblems(problems);
      } catch {
        // no answer (offline, aborted): the lint findings stand until the next edit asks again
      }
    };
    const schedule = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void check(), ENGINE_CHECK_DELAY_MS);
    };
    const unsubscribe = editor.onChange(schedule);
    schedule();
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
      controller?.abort();
    };
  }, [api, editor, enabled]);
}
